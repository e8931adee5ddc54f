/* ins-submission-reader.c — the JSON document of a submission, read and checked
 *
 * Every problem found is reported (not only the first), each with its JSON path.
 */
#define G_LOG_DOMAIN "ins-ingest"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "core/ins-country.h"
#include "core/ins-currency.h"
#include "core/ins-nir.h"
#include "ins-field-reader.h"
#include "ins-import-error.h"
#include "ins-submission.h"

#define MAX_NAME_CHARS 100
#define MAX_ADDRESS_LINES 6
#define MAX_ADDRESS_LINE_CHARS 100
#define MAX_ID_CHARS 64

static const char * const nationalities[] = { "francaise", "ue_eee_ru_suisse", "autre", NULL };
static const char * const situations[] = {
  "salarie", "etudiant", "demandeur_emploi", "frontalier_suisse", "retraite",
  "invalidite_rente", "autre", NULL };
static const char * const natures[] = { "maladie", "ald", "maternite", "at_mp", "tiers", NULL };
static const char * const stay_motifs[] = {
  "tourisme", "etudes", "detachement", "soins_programmes", "frontalier", "autre", NULL };
static const char * const regimes[] = { "general", "partenaire", "cnmss", NULL };
static const char * const contracts[] = { "standard", "css", "cmu_c", "acs", NULL };

static void
read_identity (InsFieldReader *r,
               JsonObject     *root,
               InsSubmission  *sub)
{
  JsonObject *assure = ins_field_read_object (r, root, "$", "assure", TRUE);
  g_autofree char *nir_text = NULL;
  JsonArray *lines;
  const char *p = "$.assure";

  if (assure == NULL)
    return;

  nir_text = ins_field_read_string (r, assure, p, "nir", TRUE, 32);
  if (nir_text != NULL)
    {
      g_autoptr(GError) error = NULL;

      sub->nir = ins_nir_parse (nir_text, &error);
      if (sub->nir == NULL)
        ins_field_fail (r, INS_IMPORT_ERROR_INVALID, "$.assure.nir", _("invalid NIR: %s"), error->message);
    }
  sub->nom = ins_field_read_string (r, assure, p, "nom", TRUE, MAX_NAME_CHARS);
  sub->prenom = ins_field_read_string (r, assure, p, "prenom", TRUE, MAX_NAME_CHARS);
  sub->birth_date = ins_field_read_date (r, assure, p, "birth_date", FALSE);
  sub->regime = ins_field_read_word (r, assure, p, "regime", FALSE, regimes);
  if (sub->regime == NULL && json_object_get_member (assure, "regime") == NULL)
    sub->regime = g_strdup ("general");

  lines = ins_field_read_array (r, assure, p, "address", TRUE);
  if (lines != NULL)
    {
      guint n = json_array_get_length (lines);
      g_autoptr(GString) address = g_string_new (NULL);

      if (n == 0 || n > MAX_ADDRESS_LINES)
        ins_field_fail (r, n == 0 ? INS_IMPORT_ERROR_MISSING : INS_IMPORT_ERROR_INVALID, "$.assure.address",
                        _("the postal address must have 1 to %d lines"), MAX_ADDRESS_LINES);
      for (guint i = 0; i < n && i < MAX_ADDRESS_LINES; i++)
        {
          JsonNode *node = json_array_get_element (lines, i);
          g_autofree char *lp = ins_field_index_path ("$.assure.address", i);
          const char *line;

          if (json_node_get_value_type (node) != G_TYPE_STRING)
            {
              ins_field_fail (r, INS_IMPORT_ERROR_INVALID, lp, _("a text is expected"));
              continue;
            }
          line = json_node_get_string (node);
          if (ins_field_has_control_characters (line) || g_utf8_strlen (line, -1) > MAX_ADDRESS_LINE_CHARS)
            {
              ins_field_fail (r, INS_IMPORT_ERROR_INVALID, lp,
                              _("an address line has at most %d characters and no control character"),
                              MAX_ADDRESS_LINE_CHARS);
              continue;
            }
          if (address->len > 0)
            g_string_append_c (address, '\n');
          g_string_append (address, line);
        }
      sub->address = g_string_free (g_steal_pointer (&address), FALSE);
    }
}

static void
read_amount (InsFieldReader              *r,
             JsonObject                  *decl,
             InsSoinsEtrangerDeclaration *se)
{
  const char *p = "$.soins_etranger.amount";
  JsonObject *amount = ins_field_read_object (r, decl, "$.soins_etranger", "amount", TRUE);
  g_autofree char *code = NULL;
  g_autofree char *value = NULL;
  const InsCurrency *currency;
  g_autoptr(GError) error = NULL;

  if (amount == NULL)
    return;
  code = ins_field_read_string (r, amount, p, "currency", TRUE, 3);
  value = ins_field_read_string (r, amount, p, "value", TRUE, 32);
  if (code == NULL)
    return;

  currency = ins_currency_lookup (code);
  if (currency == NULL)
    {
      ins_field_fail (r, INS_IMPORT_ERROR_INVALID, "$.soins_etranger.amount.currency",
                      _("« %s » is not a known ISO 4217 currency"), code);
      return;
    }
  if (currency->kind != INS_CURRENCY_TENDER)
    {
      ins_field_fail (r, INS_IMPORT_ERROR_INVALID, "$.soins_etranger.amount.currency",
                      _("« %s » is not a currency in use"), code);
      return;
    }
  se->currency = g_strdup (currency->code);
  if (value == NULL)
    return;
  if (!ins_currency_parse_amount (currency, value, &se->amount_minor, &error))
    ins_field_fail (r, INS_IMPORT_ERROR_INVALID, "$.soins_etranger.amount.value",
                    _("invalid amount « %s »: %s"), value, error->message);
  else if (se->amount_minor <= 0)
    ins_field_fail (r, INS_IMPORT_ERROR_INVALID, "$.soins_etranger.amount.value",
                    _("the amount must be greater than zero"));
}

static void
read_soins_etranger (InsFieldReader *r,
                     JsonObject     *root,
                     InsSubmission  *sub)
{
  const char *p = "$.soins_etranger";
  JsonObject *decl = ins_field_read_object (r, root, "$", "soins_etranger", TRUE);
  InsSoinsEtrangerDeclaration *se = &sub->se;
  JsonObject *ben, *care, *stay;
  g_autofree char *country = NULL;

  if (decl == NULL)
    return;

  se->nationality = ins_field_read_word (r, decl, p, "nationality", TRUE, nationalities);
  se->situation = ins_field_read_word (r, decl, p, "situation", TRUE, situations);
  se->nature = ins_field_read_word (r, decl, p, "nature", TRUE, natures);
  se->reason = ins_field_read_string (r, decl, p, "reason", TRUE, INS_SUBMISSION_MAX_REASON_CHARS);
  ins_field_read_bool (r, decl, p, "planned", &se->planned);
  if (ins_field_read_bool (r, decl, p, "certified", &se->certified) && !se->certified)
    ins_field_fail (r, INS_IMPORT_ERROR_INVALID, "$.soins_etranger.certified",
                    _("the insured person did not certify the declaration"));

  ben = ins_field_read_object (r, decl, p, "beneficiaire", TRUE);
  if (ben != NULL && ins_field_read_bool (r, ben, "$.soins_etranger.beneficiaire", "ouvreur",
                                          &se->beneficiaire_is_ouvreur)
      && !se->beneficiaire_is_ouvreur)
    {
      const char *bp = "$.soins_etranger.beneficiaire";

      se->beneficiaire_nom = ins_field_read_string (r, ben, bp, "nom", TRUE, MAX_NAME_CHARS);
      se->beneficiaire_prenom = ins_field_read_string (r, ben, bp, "prenom", TRUE, MAX_NAME_CHARS);
      se->beneficiaire_birth_date = ins_field_read_date (r, ben, bp, "birth_date", FALSE);
    }

  read_amount (r, decl, se);

  care = ins_field_read_object (r, decl, p, "care", TRUE);
  if (care != NULL)
    {
      se->care_from = ins_field_read_date (r, care, "$.soins_etranger.care", "from", FALSE);
      se->care_to = ins_field_read_date (r, care, "$.soins_etranger.care", "to", FALSE);
      ins_field_check_period (r, "$.soins_etranger.care", "to", se->care_from, se->care_to);
    }

  stay = ins_field_read_object (r, decl, p, "stay", TRUE);
  if (stay != NULL)
    {
      const char *sp = "$.soins_etranger.stay";

      country = ins_field_read_string (r, stay, sp, "country", TRUE, 2);
      if (country != NULL)
        {
          const InsCountry *c = ins_country_lookup (country);

          if (c == NULL)
            ins_field_fail (r, INS_IMPORT_ERROR_INVALID, "$.soins_etranger.stay.country",
                            _("« %s » is not a known ISO 3166 country code"), country);
          else if (g_str_equal (c->code, "FR") || (c->flags & INS_COUNTRY_FLAG_FRENCH_DROM))
            ins_field_fail (r, INS_IMPORT_ERROR_INVALID, "$.soins_etranger.stay.country",
                            _("care in %s is not care abroad"), c->name);
          else
            se->country = g_strdup (c->code);
        }
      se->stay_from = ins_field_read_date (r, stay, sp, "from", FALSE);
      se->stay_to = ins_field_read_date (r, stay, sp, "to", FALSE);
      ins_field_check_period (r, sp, "to", se->stay_from, se->stay_to);
      se->stay_motif = ins_field_read_word (r, stay, sp, "motif", TRUE, stay_motifs);
      ins_field_read_bool (r, stay, sp, "hospitalisation", &se->hospitalisation);
    }
}

static void
oc_beneficiaire_free (gpointer data)
{
  InsOcBeneficiaire *b = data;

  g_free (b->nom);
  g_free (b->prenom);
  g_free (b->birth_date);
  for (int i = 0; i < 2; i++)
    {
      g_free (b->oc_name[i]);
      g_free (b->oc_member[i]);
      g_free (b->oc_start[i]);
      g_free (b->oc_contract[i]);
    }
  g_free (b);
}

static void
read_oc_beneficiaire (InsFieldReader    *r,
                      JsonNode          *node,
                      const char        *bp,
                      InsOcBeneficiaire *b)
{
  JsonObject *obj;
  JsonArray *ocs;
  JsonNode *chosen;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      ins_field_fail (r, INS_IMPORT_ERROR_INVALID, bp, _("an object is expected"));
      return;
    }
  obj = json_node_get_object (node);
  b->nom = ins_field_read_string (r, obj, bp, "nom", TRUE, MAX_NAME_CHARS);
  b->prenom = ins_field_read_string (r, obj, bp, "prenom", TRUE, MAX_NAME_CHARS);
  b->birth_date = ins_field_read_date (r, obj, bp, "birth_date", FALSE);

  ocs = ins_field_read_array (r, obj, bp, "oc", TRUE);
  if (ocs != NULL)
    {
      g_autofree char *op = ins_field_join_path (bp, "oc");

      if (json_array_get_length (ocs) != 2)
        ins_field_fail (r, INS_IMPORT_ERROR_INVALID, op,
                        _("exactly two complementary insurers in conflict are expected"));
      else
        for (guint i = 0; i < 2; i++)
          {
            g_autofree char *ip = ins_field_index_path (op, i);
            JsonNode *oc_node = json_array_get_element (ocs, i);
            JsonObject *oc;

            if (!JSON_NODE_HOLDS_OBJECT (oc_node))
              {
                ins_field_fail (r, INS_IMPORT_ERROR_INVALID, ip, _("an object is expected"));
                continue;
              }
            oc = json_node_get_object (oc_node);
            b->oc_name[i] = ins_field_read_string (r, oc, ip, "name", TRUE, MAX_NAME_CHARS);
            b->oc_member[i] = ins_field_read_string (r, oc, ip, "member", TRUE, 32);
            /* A new contract may start after the declaration: no future check. */
            b->oc_start[i] = ins_field_read_date (r, oc, ip, "start", TRUE);
            b->oc_contract[i] = ins_field_read_word (r, oc, ip, "contract", FALSE, contracts);
            if (b->oc_contract[i] == NULL && json_object_get_member (oc, "contract") == NULL)
              b->oc_contract[i] = g_strdup ("standard");
            if (b->oc_contract[i] != NULL && !g_str_equal (b->oc_contract[i], "standard"))
              b->precarity = TRUE;
          }
    }

  chosen = ins_field_member (r, obj, bp, "chosen", TRUE);
  if (chosen != NULL)
    {
      if (json_node_get_value_type (chosen) != G_TYPE_INT64
          || (json_node_get_int (chosen) != 1 && json_node_get_int (chosen) != 2))
        {
          g_autofree char *cp = ins_field_join_path (bp, "chosen");
          ins_field_fail (r, INS_IMPORT_ERROR_INVALID, cp,
                          _("the chosen insurer is 1 or 2 (its place in the list)"));
        }
      else
        b->chosen = (int) json_node_get_int (chosen);
    }
}

static void
read_chevauchement_oc (InsFieldReader *r,
                       JsonObject     *root,
                       InsSubmission  *sub)
{
  const char *p = "$.chevauchement_oc.beneficiaires";
  JsonObject *decl = ins_field_read_object (r, root, "$", "chevauchement_oc", TRUE);
  JsonArray *list;
  guint n;

  if (decl == NULL)
    return;
  list = ins_field_read_array (r, decl, "$.chevauchement_oc", "beneficiaires", TRUE);
  if (list == NULL)
    return;
  n = json_array_get_length (list);
  if (n == 0)
    {
      ins_field_fail (r, INS_IMPORT_ERROR_MISSING, p, _("at least one beneficiary is expected"));
      return;
    }
  if (n > INS_SUBMISSION_MAX_OC_LISTED)
    {
      ins_field_fail (r, INS_IMPORT_ERROR_INVALID, p, _("at most %d beneficiaries can be listed"),
                      INS_SUBMISSION_MAX_OC_LISTED);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *bp = ins_field_index_path (p, i);
      InsOcBeneficiaire *b = g_new0 (InsOcBeneficiaire, 1);

      g_ptr_array_add (sub->beneficiaires, b);
      read_oc_beneficiaire (r, json_array_get_element (list, i), bp, b);
    }
}

static gboolean
is_plain_file_name (const char *name)
{
  return *name != '\0' && *name != '.' && strchr (name, '/') == NULL
         && strchr (name, '\\') == NULL && strlen (name) <= 255;
}

static void
attachment_free (gpointer data)
{
  InsSubmissionAttachment *a = data;

  g_free (a->filename);
  g_free (a->path);
  g_clear_pointer (&a->bytes, g_bytes_unref);
  g_clear_pointer (&a->preview, g_bytes_unref);
  g_free (a->content_type);
  g_free (a->unreadable_reason);
  g_free (a);
}

static void
read_attachment (InsFieldReader *r,
                 JsonNode       *node,
                 const char     *ap,
                 InsSubmission  *sub)
{
  g_autofree char *name = NULL;
  g_autofree char *fp = ins_field_join_path (ap, "file");
  g_autofree char *path = NULL;
  InsSubmissionAttachment *a;
  GStatBuf st;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      ins_field_fail (r, INS_IMPORT_ERROR_INVALID, ap, _("an object is expected"));
      return;
    }
  name = ins_field_read_string (r, json_node_get_object (node), ap, "file", TRUE, 255);
  if (name == NULL)
    return;
  if (!is_plain_file_name (name))
    {
      ins_field_fail (r, INS_IMPORT_ERROR_ATTACHMENT, fp,
                      _("« %s » is not a file name of the submission’s directory"), name);
      return;
    }
  for (guint i = 0; i < sub->attachments->len; i++)
    if (g_str_equal (((InsSubmissionAttachment *) sub->attachments->pdata[i])->filename, name))
      {
        ins_field_fail (r, INS_IMPORT_ERROR_ATTACHMENT, fp, _("the file « %s » is listed twice"), name);
        return;
      }

  path = g_build_filename (r->dir, name, NULL);
  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    {
      ins_field_fail (r, INS_IMPORT_ERROR_ATTACHMENT, fp, _("the file « %s » is not in the submission"), name);
      return;
    }
  if (st.st_size > INS_SUBMISSION_MAX_FILE_BYTES)
    {
      ins_field_fail (r, INS_IMPORT_ERROR_ATTACHMENT, fp, _("the file « %s » exceeds %d MB"), name,
                      INS_SUBMISSION_MAX_FILE_BYTES / (1024 * 1024));
      return;
    }
  r->total_bytes += st.st_size;

  a = g_new0 (InsSubmissionAttachment, 1);
  a->filename = g_steal_pointer (&name);
  a->path = g_steal_pointer (&path);
  g_ptr_array_add (sub->attachments, a);
}

static void
read_attachments (InsFieldReader *r,
                  JsonObject     *root,
                  InsSubmission  *sub)
{
  gboolean required = sub->kind == INS_KIND_SOINS_ETRANGER;
  JsonArray *list = ins_field_read_array (r, root, "$", "attachments", required);
  guint n = list ? json_array_get_length (list) : 0;

  if (list == NULL)
    return;
  if (required && n == 0)
    {
      ins_field_fail (r, INS_IMPORT_ERROR_ATTACHMENT, "$.attachments", _("at least one attachment is expected"));
      return;
    }
  if (n > INS_SUBMISSION_MAX_ATTACHMENTS)
    {
      ins_field_fail (r, INS_IMPORT_ERROR_ATTACHMENT, "$.attachments",
                      _("at most %d attachments are allowed, there are %u"), INS_SUBMISSION_MAX_ATTACHMENTS, n);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *ap = ins_field_index_path ("$.attachments", i);
      read_attachment (r, json_array_get_element (list, i), ap, sub);
    }
  if (r->total_bytes > INS_SUBMISSION_MAX_TOTAL_BYTES)
    ins_field_fail (r, INS_IMPORT_ERROR_ATTACHMENT, "$.attachments",
                    _("the attachments exceed %d MB in all"), INS_SUBMISSION_MAX_TOTAL_BYTES / (1024 * 1024));
}

static gboolean
is_submission_id (const char *id)
{
  for (const char *p = id; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
      return FALSE;
  return TRUE;
}

/* Returns FALSE when the service is unknown (its declaration cannot be read). */
static gboolean
read_header (InsFieldReader *r,
             JsonObject     *root,
             InsSubmission  *sub)
{
  g_autofree char *format = ins_field_read_string (r, root, "$", "format", TRUE, 64);
  g_autofree char *service = NULL;
  g_autofree char *submitted = NULL;

  if (format != NULL && !g_str_equal (format, INS_SUBMISSION_FORMAT))
    ins_field_fail (r, INS_IMPORT_ERROR_MALFORMED, "$.format", _("unknown format « %s », « %s » is expected"),
                    format, INS_SUBMISSION_FORMAT);

  sub->submission_id = ins_field_read_string (r, root, "$", "submission_id", TRUE, MAX_ID_CHARS);
  if (sub->submission_id != NULL && !is_submission_id (sub->submission_id))
    ins_field_fail (r, INS_IMPORT_ERROR_INVALID, "$.submission_id",
                    _("a submission id holds only letters, digits, « - », « _ » and « . »"));

  service = ins_field_read_string (r, root, "$", "service", TRUE, 32);
  if (service != NULL && !ins_kind_from_nick (service, &sub->kind))
    {
      ins_field_fail (r, INS_IMPORT_ERROR_INVALID, "$.service",
                      _("« %s » is not a service: soins_etranger or chevauchement_oc"), service);
      g_clear_pointer (&service, g_free);
    }

  sub->organisme_code = ins_field_read_string (r, root, "$", "organisme", TRUE, 32);

  submitted = ins_field_read_string (r, root, "$", "submitted_at", TRUE, 64);
  if (submitted != NULL)
    {
      g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");

      g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (submitted, paris);

      /* In Paris time, so that due dates count calendar days across DST. */
      if (parsed != NULL)
        sub->submitted_at = paris ? g_date_time_to_timezone (parsed, paris) : g_date_time_ref (parsed);
      if (sub->submitted_at == NULL)
        ins_field_fail (r, INS_IMPORT_ERROR_INVALID, "$.submitted_at",
                        _("« %s » is not an ISO 8601 date and time"), submitted);
      else if (g_date_time_difference (sub->submitted_at, r->now) > 5 * G_TIME_SPAN_MINUTE)
        {
          ins_field_fail (r, INS_IMPORT_ERROR_INVALID, "$.submitted_at",
                          _("the submission time %s is in the future"), submitted);
          g_clear_pointer (&sub->submitted_at, g_date_time_unref);
        }
    }

  return service != NULL;
}

static JsonNode *
parse_document (InsFieldReader *r)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  GStatBuf st;

  if (g_stat (r->file, &st) != 0)
    {
      int saved = errno;
      ins_field_fail (r, INS_IMPORT_ERROR_MALFORMED, "$", _("cannot read the file: %s"), g_strerror (saved));
      return NULL;
    }
  if (st.st_size > INS_SUBMISSION_MAX_JSON_BYTES)
    {
      ins_field_fail (r, INS_IMPORT_ERROR_MALFORMED, "$", _("the JSON document exceeds %d MB"),
                      INS_SUBMISSION_MAX_JSON_BYTES / (1024 * 1024));
      return NULL;
    }
  if (!g_file_get_contents (r->file, &contents, &length, &error))
    {
      ins_field_fail (r, INS_IMPORT_ERROR_MALFORMED, "$", _("cannot read the file: %s"), error->message);
      return NULL;
    }
  if (!g_utf8_validate (contents, length, NULL))
    {
      ins_field_fail (r, INS_IMPORT_ERROR_MALFORMED, "$", _("the document is not UTF-8 text"));
      return NULL;
    }
  if (!json_parser_load_from_data (parser, contents, length, &error))
    {
      ins_field_fail (r, INS_IMPORT_ERROR_MALFORMED, "$", _("malformed JSON: %s"), error->message);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      ins_field_fail (r, INS_IMPORT_ERROR_MALFORMED, "$", _("the document is not a JSON object"));
      return NULL;
    }
  return json_parser_steal_root (parser);
}

InsSubmission *
ins_submission_read (const char *file,
                     GDateTime  *now,
                     GPtrArray  *problems)
{
  g_autoptr(InsSubmission) sub = g_new0 (InsSubmission, 1);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *today = NULL;
  guint before = problems->len;
  InsFieldReader r = { 0 };

  g_return_val_if_fail (file != NULL && now != NULL && problems != NULL, NULL);

  r.file = file;
  r.dir = g_path_get_dirname (file);
  r.problems = problems;
  r.now = now;
  local = paris ? g_date_time_to_timezone (now, paris) : g_date_time_ref (now);
  today = g_date_time_format (local, "%Y-%m-%d");
  g_strlcpy (r.today, today, sizeof r.today);

  sub->file = g_strdup (file);
  sub->beneficiaires = g_ptr_array_new_with_free_func (oc_beneficiaire_free);
  sub->attachments = g_ptr_array_new_with_free_func (attachment_free);

  root = parse_document (&r);
  if (root != NULL)
    {
      JsonObject *obj = json_node_get_object (root);

      gboolean known_service = read_header (&r, obj, sub);

      read_identity (&r, obj, sub);
      if (known_service && sub->kind == INS_KIND_SOINS_ETRANGER)
        read_soins_etranger (&r, obj, sub);
      else if (known_service)
        read_chevauchement_oc (&r, obj, sub);
      if (known_service)
        read_attachments (&r, obj, sub);
    }
  g_free (r.dir);
  if (problems->len > before)
    return NULL;
  return g_steal_pointer (&sub);
}
