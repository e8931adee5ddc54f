/* ins-nir.h — the NIR (numéro d'inscription au répertoire, "numéro de
 * sécurité sociale"): 13 characters and a 2-digit key
 *
 * Layout: sex (1) · year (2) · month (2) · birth place (5: department 2 + commune
 * 3, or 97x/98x + 2, or 99 + country) · order (3) · key (2).
 * Accepted: sex 1, 2 (and 3, 4, 7, 8 for provisional numbers); month 01–12,
 * 20–42 or 50–99 (INSEE's codes for an unknown or fictitious month); department
 * digits or Corsica 2A / 2B; key = 97 − (number mod 97), where 2A counts as 19
 * and 2B as 18. Never log a NIR: use ins_nir_mask().
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Normalises @text (spaces removed, a/b upper-cased) and validates it; returns
 * the 15 compact characters, or NULL with INS_CORE_ERROR saying what is wrong
 * (positions in messages count NIR characters from 1, spaces excluded). */
char     *ins_nir_parse        (const char  *text,
                                GError     **error);

/* TRUE when @text is a valid NIR (same rules as ins_nir_parse()). */
gboolean  ins_nir_is_valid     (const char  *text);

/* The key (1–97) of the first 13 characters of @nir13, or 0 when they are not
 * 13 valid characters. */
guint     ins_nir_compute_key  (const char  *nir13);

/* « 1 84 12 75 123 456 78 »; @nir is compact or spaced; NULL if invalid. */
char     *ins_nir_format       (const char  *nir);

/* « 1 84 ** ** *** *** ** »: only sex and year stay, for logs and traces;
 * "***" when @nir is not even 15 characters. */
char     *ins_nir_mask         (const char  *nir);

/* A valid compact NIR from its parts (for sample data): @sex 1–8 as above,
 * @year 0–99, @month as above, @place the 5-character INSEE place code
 * ("75112", "2A004", "97105", "99217"), @order 1–999. NULL on invalid parts. */
char     *ins_nir_build        (guint        sex,
                                guint        year,
                                guint        month,
                                const char  *place,
                                guint        order);

G_END_DECLS
