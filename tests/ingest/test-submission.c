/* test-submission.c — every rule of the submission format, each with a failing example
 * (pure: no database; the attachment probe runs as a subprocess) */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ingest/ins-attachment-content.h"
#include "ingest/ins-import-error.h"
#include "ingest/ins-submission.h"
#include "ins-ingest-test-util.h"

typedef struct {
  const char     *name;
  const char     *sample;
  const char     *member;     /* dotted path to change */
  const char     *value;      /* JSON text; NULL removes the member */
  const char     *path;       /* expected problem's JSON path */
  InsImportError  code;
} Rule;

static const Rule rules[] = {
  { "format", "se-valid", "format", "\"instruction-submission/2\"", "$.format", INS_IMPORT_ERROR_MALFORMED },
  { "submission-id-missing", "se-valid", "submission_id", NULL, "$.submission_id", INS_IMPORT_ERROR_MISSING },
  { "submission-id-empty", "se-valid", "submission_id", "\"  \"", "$.submission_id", INS_IMPORT_ERROR_MISSING },
  { "submission-id-chars", "se-valid", "submission_id", "\"TS 01/2\"", "$.submission_id", INS_IMPORT_ERROR_INVALID },
  { "service", "se-valid", "service", "\"carte_vitale\"", "$.service", INS_IMPORT_ERROR_INVALID },
  { "organisme-missing", "se-valid", "organisme", NULL, "$.organisme", INS_IMPORT_ERROR_MISSING },
  { "submitted-at-syntax", "se-valid", "submitted_at", "\"10/03/2025\"", "$.submitted_at", INS_IMPORT_ERROR_INVALID },
  { "submitted-at-future", "se-valid", "submitted_at", "\"2025-06-02T08:00:00+02:00\"", "$.submitted_at", INS_IMPORT_ERROR_INVALID },
  { "assure-missing", "se-valid", "assure", NULL, "$.assure", INS_IMPORT_ERROR_MISSING },
  { "nir-missing", "se-valid", "assure.nir", NULL, "$.assure.nir", INS_IMPORT_ERROR_MISSING },
  { "nir-key", "se-valid", "assure.nir", "\"185107511203433\"", "$.assure.nir", INS_IMPORT_ERROR_INVALID },
  { "nir-length", "se-valid", "assure.nir", "\"18510751120\"", "$.assure.nir", INS_IMPORT_ERROR_INVALID },
  { "nir-number", "se-valid", "assure.nir", "185107511203432", "$.assure.nir", INS_IMPORT_ERROR_INVALID },
  { "nom-missing", "se-valid", "assure.nom", NULL, "$.assure.nom", INS_IMPORT_ERROR_MISSING },
  { "nom-control", "se-valid", "assure.nom", "\"Le\\u0007fèvre\"", "$.assure.nom", INS_IMPORT_ERROR_INVALID },
  { "birth-date-future", "se-valid", "assure.birth_date", "\"2025-06-02\"", "$.assure.birth_date", INS_IMPORT_ERROR_INVALID },
  { "birth-date-day", "se-valid", "assure.birth_date", "\"1985-02-30\"", "$.assure.birth_date", INS_IMPORT_ERROR_INVALID },
  { "birth-date-format", "se-valid", "assure.birth_date", "\"07/10/1985\"", "$.assure.birth_date", INS_IMPORT_ERROR_INVALID },
  { "birth-date-1900", "se-valid", "assure.birth_date", "\"1899-12-31\"", "$.assure.birth_date", INS_IMPORT_ERROR_INVALID },
  { "address-empty", "se-valid", "assure.address", "[]", "$.assure.address", INS_IMPORT_ERROR_MISSING },
  { "address-line", "se-valid", "assure.address.1", "42", "$.assure.address[1]", INS_IMPORT_ERROR_INVALID },
  { "regime", "se-valid", "assure.regime", "\"agricole\"", "$.assure.regime", INS_IMPORT_ERROR_INVALID },
  { "declaration-missing", "se-valid", "soins_etranger", NULL, "$.soins_etranger", INS_IMPORT_ERROR_MISSING },
  { "nationality", "se-valid", "soins_etranger.nationality", "\"belge\"", "$.soins_etranger.nationality", INS_IMPORT_ERROR_INVALID },
  { "situation", "se-valid", "soins_etranger.situation", NULL, "$.soins_etranger.situation", INS_IMPORT_ERROR_MISSING },
  { "nature", "se-valid", "soins_etranger.nature", "\"militaire\"", "$.soins_etranger.nature", INS_IMPORT_ERROR_INVALID },
  { "reason-missing", "se-valid", "soins_etranger.reason", NULL, "$.soins_etranger.reason", INS_IMPORT_ERROR_MISSING },
  { "planned-type", "se-valid", "soins_etranger.planned", "\"oui\"", "$.soins_etranger.planned", INS_IMPORT_ERROR_INVALID },
  { "certified-false", "se-valid", "soins_etranger.certified", "false", "$.soins_etranger.certified", INS_IMPORT_ERROR_INVALID },
  { "beneficiaire-nom", "se-valid", "soins_etranger.beneficiaire.nom", NULL, "$.soins_etranger.beneficiaire.nom", INS_IMPORT_ERROR_MISSING },
  { "beneficiaire-ouvreur", "se-valid", "soins_etranger.beneficiaire.ouvreur", NULL, "$.soins_etranger.beneficiaire.ouvreur", INS_IMPORT_ERROR_MISSING },
  { "amount-missing", "se-valid", "soins_etranger.amount", NULL, "$.soins_etranger.amount", INS_IMPORT_ERROR_MISSING },
  { "amount-zero", "se-valid", "soins_etranger.amount.value", "\"0\"", "$.soins_etranger.amount.value", INS_IMPORT_ERROR_INVALID },
  { "amount-negative", "se-valid", "soins_etranger.amount.value", "\"-200\"", "$.soins_etranger.amount.value", INS_IMPORT_ERROR_INVALID },
  { "amount-float", "se-valid", "soins_etranger.amount.value", "222.5", "$.soins_etranger.amount.value", INS_IMPORT_ERROR_INVALID },
  { "amount-jpy-decimals", "se-valid", "soins_etranger.amount.value", "\"222.5\"", "$.soins_etranger.amount.value", INS_IMPORT_ERROR_INVALID },
  { "amount-syntax", "se-valid", "soins_etranger.amount.value", "\"22 2OO\"", "$.soins_etranger.amount.value", INS_IMPORT_ERROR_INVALID },
  { "currency-unknown", "se-valid", "soins_etranger.amount.currency", "\"XYZ\"", "$.soins_etranger.amount.currency", INS_IMPORT_ERROR_INVALID },
  { "currency-not-tender", "se-valid", "soins_etranger.amount.currency", "\"XAU\"", "$.soins_etranger.amount.currency", INS_IMPORT_ERROR_INVALID },
  { "currency-lowercase", "se-valid", "soins_etranger.amount.currency", "\"jpy\"", "$.soins_etranger.amount.currency", INS_IMPORT_ERROR_INVALID },
  { "care-future", "se-valid", "soins_etranger.care.to", "\"2025-06-02\"", "$.soins_etranger.care.to", INS_IMPORT_ERROR_INVALID },
  { "care-reversed", "se-valid", "soins_etranger.care.from", "\"2025-02-13\"", "$.soins_etranger.care.to", INS_IMPORT_ERROR_INVALID },
  { "stay-reversed", "se-valid", "soins_etranger.stay.to", "\"2025-01-31\"", "$.soins_etranger.stay.to", INS_IMPORT_ERROR_INVALID },
  { "stay-future", "se-valid", "soins_etranger.stay.to", "\"2025-07-01\"", "$.soins_etranger.stay.to", INS_IMPORT_ERROR_INVALID },
  { "country-unknown", "se-valid", "soins_etranger.stay.country", "\"XK1\"", "$.soins_etranger.stay.country", INS_IMPORT_ERROR_INVALID },
  { "country-unknown-2", "se-valid", "soins_etranger.stay.country", "\"ZZ\"", "$.soins_etranger.stay.country", INS_IMPORT_ERROR_INVALID },
  { "country-france", "se-valid", "soins_etranger.stay.country", "\"FR\"", "$.soins_etranger.stay.country", INS_IMPORT_ERROR_INVALID },
  { "country-drom", "se-valid", "soins_etranger.stay.country", "\"RE\"", "$.soins_etranger.stay.country", INS_IMPORT_ERROR_INVALID },
  { "stay-motif", "se-valid", "soins_etranger.stay.motif", "\"affaires\"", "$.soins_etranger.stay.motif", INS_IMPORT_ERROR_INVALID },
  { "hospitalisation", "se-valid", "soins_etranger.stay.hospitalisation", NULL, "$.soins_etranger.stay.hospitalisation", INS_IMPORT_ERROR_MISSING },
  { "attachments-missing", "se-valid", "attachments", NULL, "$.attachments", INS_IMPORT_ERROR_MISSING },
  { "attachments-none", "se-valid", "attachments", "[]", "$.attachments", INS_IMPORT_ERROR_ATTACHMENT },
  { "attachments-eleven", "se-valid", "attachments",
    "[{\"file\":\"a1.pdf\"},{\"file\":\"a2.pdf\"},{\"file\":\"a3.pdf\"},{\"file\":\"a4.pdf\"},"
    "{\"file\":\"a5.pdf\"},{\"file\":\"a6.pdf\"},{\"file\":\"a7.pdf\"},{\"file\":\"a8.pdf\"},"
    "{\"file\":\"a9.pdf\"},{\"file\":\"a10.pdf\"},{\"file\":\"a11.pdf\"}]",
    "$.attachments", INS_IMPORT_ERROR_ATTACHMENT },
  { "attachment-absent", "se-valid", "attachments.0.file", "\"perdu.pdf\"", "$.attachments[0].file", INS_IMPORT_ERROR_ATTACHMENT },
  { "attachment-escape", "se-valid", "attachments.0.file", "\"../se-valid/facture-hopital.pdf\"", "$.attachments[0].file", INS_IMPORT_ERROR_ATTACHMENT },
  { "attachment-hidden", "se-valid", "attachments.0.file", "\".profile\"", "$.attachments[0].file", INS_IMPORT_ERROR_ATTACHMENT },
  { "attachment-twice", "se-valid", "attachments.1.file", "\"facture-hopital.pdf\"", "$.attachments[1].file", INS_IMPORT_ERROR_ATTACHMENT },
  { "attachment-directory", "se-valid", "attachments.0.file", "\"submission.json/\"", "$.attachments[0].file", INS_IMPORT_ERROR_ATTACHMENT },
  { "oc-declaration-missing", "oc-valid", "chevauchement_oc", NULL, "$.chevauchement_oc", INS_IMPORT_ERROR_MISSING },
  { "oc-no-beneficiary", "oc-valid", "chevauchement_oc.beneficiaires", "[]", "$.chevauchement_oc.beneficiaires", INS_IMPORT_ERROR_MISSING },
  { "oc-chosen", "oc-valid", "chevauchement_oc.beneficiaires.1.chosen", "3", "$.chevauchement_oc.beneficiaires[1].chosen", INS_IMPORT_ERROR_INVALID },
  { "oc-one-insurer", "oc-valid", "chevauchement_oc.beneficiaires.0.oc.1", NULL, "$.chevauchement_oc.beneficiaires[0].oc", INS_IMPORT_ERROR_INVALID },
  { "oc-member", "oc-valid", "chevauchement_oc.beneficiaires.0.oc.1.member", NULL, "$.chevauchement_oc.beneficiaires[0].oc[1].member", INS_IMPORT_ERROR_MISSING },
  { "oc-contract", "oc-valid", "chevauchement_oc.beneficiaires.0.oc.0.contract", "\"ame\"", "$.chevauchement_oc.beneficiaires[0].oc[0].contract", INS_IMPORT_ERROR_INVALID },
  { "oc-birth-future", "oc-valid", "chevauchement_oc.beneficiaires.1.birth_date", "\"2030-01-01\"", "$.chevauchement_oc.beneficiaires[1].birth_date", INS_IMPORT_ERROR_INVALID },
};

static GPtrArray *
read_problems (const char *file, InsSubmission **out)
{
  g_autoptr(GPtrArray) problems = ins_import_problems_new ();
  g_autoptr(GDateTime) now = ingest_test_now ();
  InsSubmission *sub = ins_submission_read (file, now, problems);

  g_assert_true ((sub == NULL) == (problems->len > 0));
  if (out)
    *out = sub;
  else
    ins_submission_free (sub);
  return g_steal_pointer (&problems);
}

static void
test_rule (gconstpointer data)
{
  const Rule *rule = data;
  g_autoptr(JsonNode) root = ingest_test_load (rule->sample);
  g_autofree char *file = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gboolean seen = FALSE;

  ingest_test_set (root, rule->member, rule->value ? json_from_string (rule->value, NULL) : NULL);
  file = ingest_test_write (root, rule->sample);
  problems = read_problems (file, NULL);

  g_assert_cmpuint (problems->len, >=, 1);
  for (guint i = 0; i < problems->len; i++)
    {
      const InsImportProblem *p = problems->pdata[i];

      g_assert_cmpstr (p->file, ==, file);
      g_assert_nonnull (p->reason);
      g_assert_cmpstr (p->reason, !=, "");
      if (g_str_equal (p->path, rule->path) && p->code == rule->code)
        seen = TRUE;
      else
        g_test_message ("other problem: %s (%d) %s", p->path, p->code, p->reason);
    }
  if (!seen)
    {
      const InsImportProblem *p = problems->pdata[0];
      g_test_message ("first problem: %s (%d) %s", p->path, p->code, p->reason);
    }
  g_assert_true (seen);
}

static void
test_valid_soins_etranger (void)
{
  g_autofree char *file = ingest_test_sample ("se-valid");
  InsSubmission *sub = NULL;
  g_autoptr(GPtrArray) problems = read_problems (file, &sub);
  g_autoptr(InsSubmission) owned = sub;
  g_autofree char *submitted = NULL;
  InsSubmissionAttachment *a;

  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpstr (sub->submission_id, ==, "TS-SE-2025-000101");
  g_assert_cmpint (sub->kind, ==, INS_KIND_SOINS_ETRANGER);
  g_assert_cmpstr (sub->organisme_code, ==, "CNSE");
  g_assert_cmpstr (sub->nir, ==, "185107511203432");
  g_assert_cmpstr (sub->nom, ==, "Lefèvre");
  g_assert_cmpstr (sub->address, ==, "Appartement 12\n8 rue des Écoles\n56000 VANNES");
  g_assert_cmpstr (sub->regime, ==, "general");
  submitted = g_date_time_format (sub->submitted_at, "%FT%T%:z");
  g_assert_cmpstr (submitted, ==, "2025-03-10T14:32:05+01:00");
  g_assert_cmpint (sub->se.amount_minor, ==, 22200);
  g_assert_cmpstr (sub->se.currency, ==, "JPY");
  g_assert_cmpstr (sub->se.country, ==, "JP");
  g_assert_false (sub->se.beneficiaire_is_ouvreur);
  g_assert_cmpstr (sub->se.beneficiaire_prenom, ==, "Lucas");
  g_assert_cmpstr (sub->se.care_from, ==, "2025-02-11");
  g_assert_true (sub->se.certified);
  g_assert_cmpuint (sub->attachments->len, ==, 2);
  a = sub->attachments->pdata[1];
  g_assert_cmpstr (a->filename, ==, "recu-pharmacie.jpg");
  g_assert_true (g_path_is_absolute (a->path) || g_file_test (a->path, G_FILE_TEST_EXISTS));

  ins_submission_assess (sub);
  g_assert_false (sub->excluded);
  g_assert_null (sub->non_exploitable_reason);
  g_assert_cmpstr (sub->beneficiaire_label, ==, "Lucas Lefèvre");
  g_assert_null (sub->oc_label);
}

static void
test_reason_length (void)
{
  g_autoptr(JsonNode) root = ingest_test_load ("se-valid");
  g_autoptr(GString) reason = g_string_new (NULL);
  g_autofree char *file = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  /* 180 characters, many of them two bytes: accepted */
  for (int i = 0; i < 90; i++)
    g_string_append (reason, "é ");
  g_assert_cmpint (g_utf8_strlen (reason->str, -1), ==, 180);
  g_string_append (reason, "x");
  ingest_test_set (root, "soins_etranger.reason", ingest_test_string ("é"));
  {
    g_autoptr(GString) ok = g_string_new (NULL);
    for (int i = 0; i < 180; i++)
      g_string_append (ok, "é");
    ingest_test_set (root, "soins_etranger.reason", ingest_test_string (ok->str));
    file = ingest_test_write (root, "se-valid");
    problems = read_problems (file, NULL);
    g_assert_cmpuint (problems->len, ==, 0);
  }
  g_clear_pointer (&file, g_free);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* 181: refused */
  g_string_assign (reason, "");
  for (int i = 0; i < 181; i++)
    g_string_append (reason, "é");
  ingest_test_set (root, "soins_etranger.reason", ingest_test_string (reason->str));
  file = ingest_test_write (root, "se-valid");
  problems = read_problems (file, NULL);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((InsImportProblem *) problems->pdata[0])->path, ==, "$.soins_etranger.reason");
  g_assert_cmpint (((InsImportProblem *) problems->pdata[0])->code, ==, INS_IMPORT_ERROR_INVALID);
}

static void
test_amounts (void)
{
  static const struct { const char *currency, *value; gint64 minor; } ok[] = {
    { "JPY", "222", 222 }, { "EUR", "12.5", 1250 }, { "USD", "1 234,56", 123456 },
    { "KWD", "1.005", 1005 }, { "CHF", "0.05", 5 },
  };
  static const struct { const char *currency, *value; } bad[] = {
    { "EUR", "12.345" }, { "KWD", "1.0005" }, { "JPY", "0.5" }, { "USD", "0.00" }, { "EUR", "1e3" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (ok); i++)
    {
      g_autoptr(JsonNode) root = ingest_test_load ("se-valid");
      g_autofree char *file = NULL;
      InsSubmission *sub = NULL;
      g_autoptr(GPtrArray) problems = NULL;

      ingest_test_set (root, "soins_etranger.amount.currency", ingest_test_string (ok[i].currency));
      ingest_test_set (root, "soins_etranger.amount.value", ingest_test_string (ok[i].value));
      file = ingest_test_write (root, "se-valid");
      problems = read_problems (file, &sub);
      g_assert_cmpuint (problems->len, ==, 0);
      g_assert_cmpint (sub->se.amount_minor, ==, ok[i].minor);
      g_assert_cmpstr (sub->se.currency, ==, ok[i].currency);
      ins_submission_free (sub);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) root = ingest_test_load ("se-valid");
      g_autofree char *file = NULL;
      g_autoptr(GPtrArray) problems = NULL;

      ingest_test_set (root, "soins_etranger.amount.currency", ingest_test_string (bad[i].currency));
      ingest_test_set (root, "soins_etranger.amount.value", ingest_test_string (bad[i].value));
      file = ingest_test_write (root, "se-valid");
      problems = read_problems (file, NULL);
      g_assert_cmpuint (problems->len, ==, 1);
      g_assert_cmpstr (((InsImportProblem *) problems->pdata[0])->path, ==, "$.soins_etranger.amount.value");
    }
}

static void
test_country_com_accepted (void)
{
  g_autoptr(JsonNode) root = ingest_test_load ("se-valid");
  g_autofree char *file = NULL;
  InsSubmission *sub = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  ingest_test_set (root, "soins_etranger.stay.country", ingest_test_string ("PF"));
  ingest_test_set (root, "soins_etranger.amount.currency", ingest_test_string ("XPF"));
  file = ingest_test_write (root, "se-valid");
  problems = read_problems (file, &sub);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpstr (sub->se.country, ==, "PF");
  ins_submission_free (sub);
}

static void
test_several_problems (void)
{
  g_autoptr(JsonNode) root = ingest_test_load ("se-valid");
  g_autofree char *file = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *text = NULL;

  ingest_test_set (root, "assure.nir", ingest_test_string ("185107511203433"));
  ingest_test_set (root, "soins_etranger.stay.country", ingest_test_string ("ZZ"));
  ingest_test_set (root, "soins_etranger.reason", NULL);
  file = ingest_test_write (root, "se-valid");
  problems = read_problems (file, NULL);
  g_assert_cmpuint (problems->len, ==, 3);
  text = ins_import_problem_format (problems->pdata[0]);
  g_assert_true (g_str_has_prefix (text, "ins-ingest-"));
  g_assert_nonnull (strstr (text, "/submission.json, "));
  g_assert_nonnull (strstr (text, "$.assure.nir"));
}

static void
test_malformed (void)
{
  g_autofree char *file = ingest_test_sample ("invalid-json");
  g_autoptr(GPtrArray) problems = read_problems (file, NULL);
  const InsImportProblem *p;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = ingest_test_temp_dir ();
  g_autofree char *array = g_build_filename (dir, "array.json", NULL);
  g_autofree char *latin1 = g_build_filename (dir, "latin1.json", NULL);
  g_autoptr(GPtrArray) p2 = NULL;
  g_autoptr(GPtrArray) p3 = NULL;

  g_assert_cmpuint (problems->len, ==, 1);
  p = problems->pdata[0];
  g_assert_cmpint (p->code, ==, INS_IMPORT_ERROR_MALFORMED);
  g_assert_cmpstr (p->path, ==, "$");
  ins_import_problem_to_error (p, &error);
  g_assert_error (error, INS_IMPORT_ERROR, INS_IMPORT_ERROR_MALFORMED);

  g_file_set_contents (array, "[1, 2]", -1, NULL);
  p2 = read_problems (array, NULL);
  g_assert_cmpuint (p2->len, ==, 1);
  g_assert_cmpint (((InsImportProblem *) p2->pdata[0])->code, ==, INS_IMPORT_ERROR_MALFORMED);

  g_file_set_contents (latin1, "{\"nom\": \"Lef\xe8vre\"}", -1, NULL);
  p3 = read_problems (latin1, NULL);
  g_assert_cmpuint (p3->len, ==, 1);
  g_assert_cmpint (((InsImportProblem *) p3->pdata[0])->code, ==, INS_IMPORT_ERROR_MALFORMED);
}

static void
test_json_too_large (void)
{
  g_autoptr(JsonNode) root = ingest_test_load ("se-valid");
  g_autofree char *padding = g_strnfill (INS_SUBMISSION_MAX_JSON_BYTES, 'x');
  g_autofree char *file = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  ingest_test_set (root, "comment", ingest_test_string (padding));
  file = ingest_test_write (root, "se-valid");
  problems = read_problems (file, NULL);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpint (((InsImportProblem *) problems->pdata[0])->code, ==, INS_IMPORT_ERROR_MALFORMED);
}

/* Sparse files: the sizes are checked before anything is read. */
static void
make_sparse (const char *dir, const char *name, goffset size)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, size), ==, 0);
  close (fd);
}

static void
test_size_limits (void)
{
  g_autoptr(JsonNode) root = ingest_test_load ("se-valid");
  g_autofree char *file = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  ingest_test_set (root, "attachments",
                   json_from_string ("[{\"file\":\"big.pdf\"},{\"file\":\"p1.pdf\"},{\"file\":\"p2.pdf\"},"
                                     "{\"file\":\"p3.pdf\"},{\"file\":\"p4.pdf\"}]", NULL));
  file = ingest_test_write (root, "se-valid");
  dir = g_path_get_dirname (file);
  make_sparse (dir, "big.pdf", INS_SUBMISSION_MAX_FILE_BYTES + 1);
  make_sparse (dir, "p1.pdf", INS_SUBMISSION_MAX_FILE_BYTES);
  make_sparse (dir, "p2.pdf", INS_SUBMISSION_MAX_FILE_BYTES);
  make_sparse (dir, "p3.pdf", INS_SUBMISSION_MAX_FILE_BYTES);
  make_sparse (dir, "p4.pdf", 1);
  problems = read_problems (file, NULL);
  /* big.pdf alone is too large; the four others together exceed 30 MB */
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_cmpstr (((InsImportProblem *) problems->pdata[0])->path, ==, "$.attachments[0].file");
  g_assert_cmpstr (((InsImportProblem *) problems->pdata[1])->path, ==, "$.attachments");
}

static void
test_oc_valid (void)
{
  g_autofree char *file = ingest_test_sample ("oc-valid");
  InsSubmission *sub = NULL;
  g_autoptr(GPtrArray) problems = read_problems (file, &sub);
  g_autoptr(InsSubmission) owned = sub;
  const InsOcBeneficiaire *b;

  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpint (sub->kind, ==, INS_KIND_CHEVAUCHEMENT_OC);
  /* Corsica: 2A in the NIR */
  g_assert_cmpstr (sub->nir, ==, "290032A00401234");
  g_assert_cmpuint (sub->beneficiaires->len, ==, 2);
  g_assert_cmpuint (sub->attachments->len, ==, 0);
  b = sub->beneficiaires->pdata[1];
  g_assert_cmpstr (b->prenom, ==, "Léo");
  g_assert_cmpstr (b->oc_name[1], ==, "LA BALOISE ASSURANCES");
  g_assert_cmpstr (b->oc_member[0], ==, "4789563P");
  g_assert_cmpstr (b->oc_start[1], ==, "2020-01-01");
  g_assert_cmpint (b->chosen, ==, 2);
  g_assert_false (b->precarity);

  ins_submission_assess (sub);
  g_assert_false (sub->excluded);
  g_assert_cmpstr (sub->oc_label, ==, "LES MUTUELLES DE L'AIN / LA BALOISE ASSURANCES");
  g_assert_cmpstr (sub->beneficiaire_label, ==, "Renée Zovi");
}

static void
test_oc_contract_may_start_later (void)
{
  g_autoptr(JsonNode) root = ingest_test_load ("oc-valid");
  g_autofree char *file = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  ingest_test_set (root, "chevauchement_oc.beneficiaires.0.oc.1.start", ingest_test_string ("2025-07-01"));
  file = ingest_test_write (root, "oc-valid");
  problems = read_problems (file, NULL);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
assert_excluded (const char *sample, const char *member, const char *value, const char *needle)
{
  g_autoptr(JsonNode) root = ingest_test_load (sample);
  g_autofree char *file = NULL;
  InsSubmission *sub = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  if (member != NULL)
    ingest_test_set (root, member, json_from_string (value, NULL));
  file = ingest_test_write (root, sample);
  problems = read_problems (file, &sub);
  g_assert_cmpuint (problems->len, ==, 0);
  ins_submission_assess (sub);
  g_assert_true (sub->excluded);
  g_assert_nonnull (sub->exclusion_reason);
  g_test_message ("exclusion: %s", sub->exclusion_reason);
  g_assert_nonnull (strstr (sub->exclusion_reason, needle));
  ins_submission_free (sub);
}

static void
test_oc_exclusions (void)
{
  assert_excluded ("oc-five-beneficiaries", NULL, NULL, "5");
  assert_excluded ("oc-precarity", NULL, NULL, "CSS");
  assert_excluded ("oc-valid", "chevauchement_oc.beneficiaires.0.oc.0.contract", "\"acs\"", "ACS");
  assert_excluded ("oc-valid", "chevauchement_oc.beneficiaires.1.oc.1.contract", "\"cmu_c\"", "CMU-C");
  assert_excluded ("oc-valid", "assure.regime", "\"partenaire\"", "partner");
  assert_excluded ("se-valid", "assure.regime", "\"cnmss\"", "CNMSS");
}

static void
test_oc_four_is_eligible (void)
{
  g_autoptr(JsonNode) root = ingest_test_load ("oc-five-beneficiaries");
  g_autofree char *file = NULL;
  InsSubmission *sub = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  ingest_test_set (root, "chevauchement_oc.beneficiaires.4", NULL);
  file = ingest_test_write (root, "oc-five-beneficiaries");
  problems = read_problems (file, &sub);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (sub->beneficiaires->len, ==, 4);
  ins_submission_assess (sub);
  g_assert_false (sub->excluded);
  ins_submission_free (sub);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ingest/submission/valid-soins-etranger", test_valid_soins_etranger);
  g_test_add_func ("/ingest/submission/valid-oc", test_oc_valid);
  g_test_add_func ("/ingest/submission/malformed", test_malformed);
  g_test_add_func ("/ingest/submission/json-too-large", test_json_too_large);
  g_test_add_func ("/ingest/submission/reason-180", test_reason_length);
  g_test_add_func ("/ingest/submission/amounts", test_amounts);
  g_test_add_func ("/ingest/submission/country-com", test_country_com_accepted);
  g_test_add_func ("/ingest/submission/several-problems", test_several_problems);
  g_test_add_func ("/ingest/submission/size-limits", test_size_limits);
  g_test_add_func ("/ingest/submission/oc-contract-later", test_oc_contract_may_start_later);
  g_test_add_func ("/ingest/submission/oc-exclusions", test_oc_exclusions);
  g_test_add_func ("/ingest/submission/oc-four-eligible", test_oc_four_is_eligible);
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ingest/submission/rule/%s", rules[i].name);
      g_test_add_data_func (path, &rules[i], test_rule);
    }
  return g_test_run ();
}
