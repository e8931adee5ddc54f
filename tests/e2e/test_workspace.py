#!/usr/bin/python3
"""End-to-end: an instructeur works one affaire in the real `instruction`
binary through AT-SPI (dogtail), by accessible names, as an agent would:
take the next affaire, look at its document, tag a page (the checklist ticks
it), refuse it with a motif, close it; then the database says what happened.
Prints TAP.

Run by meson (suite e2e) under dbus-run-session, with the Xvfb and the
throwaway PostgreSQL of scripts/test:
  test_workspace.py INSTRUCTION_BINARY FIXTURE_SQL SCREENSHOT_DIR LOCALEDIR
"""
import gettext
import tempfile
import os
import random
import subprocess
import sys
import time
import traceback
import zlib

INSTRUCTION, FIXTURE, SHOTS, LOCALEDIR = sys.argv[1:5]
ADMIN = os.environ.get("INS_TEST_ADMIN_CONNINFO")

# Run again inside a private D-Bus session; the session's daemons write to
# stdout, so TAP goes through a descriptor of its own.
if "INS_E2E_TAP_FD" not in os.environ:
    tap_fd = os.dup(1)
    env = dict(os.environ, INS_E2E_TAP_FD=str(tap_fd))
    rc = subprocess.run(["dbus-run-session", "--", sys.executable] + sys.argv, env=env,
                        stdout=sys.stderr, pass_fds=[tap_fd]).returncode
    sys.exit(rc)
TAP = os.fdopen(int(os.environ["INS_E2E_TAP_FD"]), "w", buffering=1)
sys.stdout = sys.stderr

results = []


def tap(ok, name, detail=""):
    results.append(ok)
    print("%s %d %s" % ("ok" if ok else "not ok", len(results), name), file=TAP, flush=True)
    for line in detail.splitlines():
        print("# " + line, file=TAP, flush=True)


if ADMIN is None:
    print("1..0 # SKIP needs INS_TEST_ADMIN_CONNINFO (scripts/test)", file=TAP)
    sys.exit(0)

# The names the agent reads: French through the build tree's catalogue (the
# same one the application binds), English where a string is not translated yet.
catalogue = gettext.translation("instruction", LOCALEDIR, languages=["fr"], fallback=True)
_ = catalogue.gettext


def psql(dbname, sql, *args):
    conninfo = "%s dbname=%s" % (ADMIN, dbname)
    cmd = ["psql", conninfo, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1"]
    for i, a in enumerate(args):
        cmd += ["-v", "p%d=%s" % (i + 1, a)]
    return subprocess.run(cmd, input=sql, capture_output=True, text=True, check=True).stdout.strip()


def minimal_pdf(lines):
    """A real one-page A4 PDF with text, built by hand."""
    text = "BT /F1 16 Tf 60 780 Td 20 TL " + " ".join("(%s) '" % l for l in lines) + " ET"
    stream = zlib.compress(text.encode("latin-1"))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % (i + 1) + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def screenshot(name):
    os.makedirs(SHOTS, exist_ok=True)
    path = os.path.join(SHOTS, "e2e-%s.png" % name)
    subprocess.run(["import", "-window", "root", path], capture_output=True)
    print("# screenshot: " + path, file=TAP, flush=True)


# The database ------------------------------------------------------------------
dbname = "ins_e2e_%d_%d" % (os.getpid(), random.randint(0, 1 << 30))
subprocess.run(["psql", "%s dbname=postgres" % ADMIN, "-X", "-q", "-c", 'CREATE DATABASE "%s"' % dbname],
               check=True, capture_output=True)
app = None
try:
    subprocess.run([INSTRUCTION, "--database", "%s dbname=%s" % (ADMIN, dbname), "--migrate"],
                   check=True, capture_output=True)
    with open(FIXTURE) as f:
        psql(dbname, f.read())
    pdf = minimal_pdf(["FACTURE 2026-0311", "Clinica San Juan", "Consultation 120,00 USD"])
    psql(dbname, """
        INSERT INTO blob (sha256, bytes) VALUES (sha256(decode(:'p1', 'hex')), decode(:'p1', 'hex'));
        INSERT INTO attachment (affaire_id, position, filename, content_type, size_bytes, sha256, page_count)
        SELECT id, 1, 'facture-' || numero || '.pdf', 'application/pdf', :p2, sha256(decode(:'p1', 'hex')), 1
          FROM affaire WHERE kind = 'soins_etranger';
        """, pdf.hex(), len(pdf))
    tap(True, "database migrated and seeded")

    # The application -----------------------------------------------------------
    env = dict(os.environ)
    env.pop("NO_AT_BRIDGE", None)
    env.update({"LC_ALL": "fr_FR.UTF-8", "LANGUAGE": "fr", "INSTRUCTION_LOCALEDIR": LOCALEDIR,
                "GTK_A11Y": "atspi", "GSK_RENDERER": "cairo", "XDG_DATA_HOME": tempfile.mkdtemp(prefix="ins-e2e-")})
    app = subprocess.Popen([INSTRUCTION, "--database", "%s dbname=%s user=ui_marie" % (ADMIN, dbname)], env=env)

    from dogtail.config import config
    config.checkForA11y = False
    config.searchCutoffCount = 40
    config.defaultDelay = 0.2
    config.actionDelay = 0.3
    config.logDebugToStdOut = False
    config.logDebugToFile = False
    from dogtail import tree, rawinput  # noqa: E402

    def find_app():
        for _i in range(120):
            try:
                for a in tree.root.applications():
                    if "nstruction" in (a.name or ""):
                        return a
            except Exception:
                pass
            time.sleep(0.5)
        raise RuntimeError("the application never appeared on the accessibility bus")

    def press(node):
        try:
            node.doActionNamed("click")
        except Exception:
            node.click()

    def wait_for(what, fn, tries=120):
        for _i in range(tries):
            try:
                value = fn()
                if value:
                    return value
            except Exception:
                pass
            time.sleep(0.5)
        raise RuntimeError("timed out waiting for " + what)

    def enabled(node):
        return node.sensitive

    ui = find_app()
    take = ui.child(name=_("Take the next affaire"), roleName="push button")
    wait_for("« %s » enabled" % take.name, lambda: enabled(take))
    tap(True, "window open, « %s » enabled" % take.name)
    screenshot("1-queue")

    # Take the next affaire: the priority one.
    press(take)
    numero = wait_for("the affaire", lambda: ui.child(name="SE-2026-0000001", roleName="label", retry=False))
    tap(numero is not None, "took the next affaire SE-2026-0000001")

    # Look at its document.
    doc = wait_for("the document tab",
                   lambda: ui.findChild(lambda n: "facture-SE-2026-0000001.pdf" in (n.name or ""),
                                        retry=False, requireResult=False))
    page = wait_for("the page label", lambda: ui.findChild(
        lambda n: n.roleName == "label" and (n.name or "").startswith(_("Page %u of %u").split("%")[0]),
        retry=False, requireResult=False))
    tap(doc is not None and page is not None, "its document is shown (%s, %s)" % (doc.name, page.name))
    screenshot("2-affaire")

    # Tag the page as an invoice: the checklist ticks the invoices.
    def label_named(text):
        return ui.findChild(lambda n: n.roleName == "label" and n.name == text, retry=False, requireResult=False)

    invoices = _("Paid and itemised invoices")
    missing = wait_for("the checklist", lambda: label_named(_("%s: not found yet") % invoices))
    tap(missing is not None, "the checklist says « %s »" % missing.name)
    page_menu = ui.child(name=_("Page actions"))
    press(page_menu.child(roleName="push button"))
    facture = wait_for("the tag menu", lambda: ui.findChild(
        lambda n: n.name == _("Invoice") and n.roleName == "menu item", retry=False, requireResult=False))
    press(facture)
    tagged = wait_for("the tag in the database", lambda: psql(
        dbname, "SELECT tag FROM attachment_page p JOIN attachment a ON a.id = p.attachment_id"
                " JOIN affaire f ON f.id = a.affaire_id WHERE f.numero = 'SE-2026-0000001'") == "facture")
    tap(tagged, "tagged page 1 as an invoice")
    ticked = wait_for("the checklist ticked", lambda: label_named(_("%s: tagged") % invoices))
    tap(ticked is not None, "the checklist says « %s »" % ticked.name)

    def dialog():
        """The dialog an action opened: a second top-level window."""
        windows = [w for w in ui.children if w.roleName in ("dialog", "alert")]
        if not windows:
            print("# windows: %s" % [(w.roleName, w.name) for w in ui.children], flush=True)
        return windows[-1] if windows else None

    def names(node, depth=0):
        out = ["%s%s %r" % ("  " * depth, node.roleName, node.name)]
        for c in node.children:
            out += names(c, depth + 1)
        return out

    def in_dialog(pred):
        d = dialog()
        return d.findChild(pred, retry=False, requireResult=False) if d is not None else None

    # Refuse it with a motif.
    press(ui.child(name=_("Refuse"), roleName="push button"))
    motif = wait_for("the refusal dialog", lambda: in_dialog(
        lambda n: n.name == _("Out of time") and n.roleName in ("radio button", "check box")))
    print("# motif: %s %s" % (motif.roleName, motif.name), flush=True)
    press(motif)
    confirm = wait_for("the dialog's button", lambda: in_dialog(
        lambda n: n.roleName == "push button" and (n.name or "").endswith(_("_Refuse").replace("_", ""))))
    wait_for("the confirmation enabled", lambda: confirm.sensitive)
    screenshot("3-refuse-dialog")
    press(confirm)
    refused = wait_for("the refusal", lambda: psql(
        dbname, "SELECT status || ' ' || refusal_motif FROM affaire WHERE numero = 'SE-2026-0000001'")
        == "refusee hors_delai")
    tap(refused, "refused with the motif « hors délai »")
    screenshot("4-refused")

    # Close it.
    close = ui.child(name=_("Close"), roleName="push button")
    wait_for("« %s » enabled" % close.name, lambda: enabled(close))
    press(close)
    confirm = wait_for("the closing dialog", lambda: in_dialog(
        lambda n: n.roleName == "push button" and (n.name or "").endswith(_("_Close").replace("_", ""))))
    press(confirm)
    closed = wait_for("the closing", lambda: psql(
        dbname, "SELECT status FROM affaire WHERE numero = 'SE-2026-0000001'") == "cloturee")
    tap(closed, "closed")
    screenshot("5-closed")

    # What the database says: the status, the trace, the notification.
    history = psql(dbname, """
        SELECT string_agg(h.action || ':' || coalesce(h.to_status::text, '') || ':' || coalesce(g.login, ''), ' '
                          ORDER BY h.id)
          FROM history h JOIN affaire a ON a.id = h.affaire_id LEFT JOIN agent g ON g.id = h.agent_id
         WHERE a.numero = 'SE-2026-0000001'""")
    expected = "import:recue: claim:en_cours:ui_marie refuse:refusee:ui_marie close:cloturee:ui_marie"
    tap(history == expected, "history is import, claim, refuse, close by ui_marie", "got: " + history)
    outbox = psql(dbname, "SELECT count(*) FROM notification_outbox o JOIN affaire a ON a.id = o.affaire_id"
                          " WHERE a.numero = 'SE-2026-0000001' AND o.kind = 'refus'")
    tap(outbox == "1", "exactly one refusal notification queued")
except Exception:
    tap(False, "the scenario ran to its end", traceback.format_exc())
    try:
        d = dialog()
        if d is not None:
            print("\n".join("# " + l for l in names(d)[:60]), file=TAP)
    except Exception:
        pass
    try:
        screenshot("failure")
    except Exception:
        pass
finally:
    if app is not None:
        app.terminate()
        try:
            app.wait(10)
        except subprocess.TimeoutExpired:
            app.kill()
    subprocess.run(["psql", "%s dbname=postgres" % ADMIN, "-X", "-q", "-c",
                    'DROP DATABASE IF EXISTS "%s" WITH (FORCE)' % dbname], capture_output=True)

print("1..%d" % len(results), file=TAP, flush=True)
sys.exit(0 if all(results) else 1)
