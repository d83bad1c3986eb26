/* test-identifiers.c: record ids, CVR numbers and storable text
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "klynge-private.h"
#include "klynge-test.h"

/* --- ids ------------------------------------------------------------------ */

static const char * const good_ids[] = {
  "a",
  "_x",
  "m-1",
  "ecd",
  "ced-2019",
  "m2020-energy",
  "A.b_c-9",
  "x.",
  "æble",
  "Ørsted-1",
  "a-æ",
  "_",
};

START_TEST (test_id_accepts_ncnames)
{
  GError *error = NULL;

  ck_assert_msg (klynge_id_is_valid (good_ids[_i]), "“%s” was rejected", good_ids[_i]);
  ck_assert (_klynge_check_id (good_ids[_i], "organisation id", &error));
  ck_assert_no_error (error);
  ck_assert (klynge_id_check (good_ids[_i], &error));
  ck_assert_no_error (error);
}
END_TEST

static const char * const bad_ids[] = {
  "1a",
  "-a",
  ".a",
  "a:b",
  ":a",
  "a b",
  " a",
  "a ",
  "",
  "a\tb",
  "a/b",
  "a&b",
  "a#",
  "æ b",
  "æ:b",
  "1æ",
  "a\xff",
  "\xC3\x28",
  "\xC3",
  "a€",                       /* a symbol, not a letter */
};

START_TEST (test_id_rejects_everything_else)
{
  GError *error = NULL;

  ck_assert_msg (!klynge_id_is_valid (bad_ids[_i]), "“%s” was accepted", bad_ids[_i]);
  ck_assert (!_klynge_check_id (bad_ids[_i], "organisation id", &error));
  ck_assert (g_utf8_validate (error->message, -1, NULL));
  ck_assert_msg (strstr (error->message, "organisation id") != NULL, "%s", error->message);
  ck_assert_klynge_error (error, KLYNGE_ERROR_BAD_ID);

  /* the public check: the same answer, the same code */
  ck_assert (!klynge_id_check (bad_ids[_i], &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_BAD_ID);
}
END_TEST

START_TEST (test_id_null_is_not_valid)
{
  ck_assert (!klynge_id_is_valid (NULL));
}
END_TEST

START_TEST (test_id_long_ids_are_fine)
{
  g_autofree char *id = g_strnfill (4096, 'x');

  ck_assert (klynge_id_is_valid (id));
}
END_TEST

/* What the loader takes by default is what an id may be: a longer one
 * could be stored but not loaded again. */
START_TEST (test_id_is_at_most_the_loader_value_cap)
{
  gsize cap = KLYNGE_LOAD_DEFAULT_MAX_VALUE_LENGTH;
  g_autofree char *ascii = g_strnfill (cap + 1, 'x');
  g_autofree char *wide = g_malloc (cap + 2);

  ck_assert (!klynge_id_is_valid (ascii));
  ascii[cap] = '\0';
  ck_assert (klynge_id_is_valid (ascii));

  /* the same bound where a letter beyond ASCII takes the slow path */
  memset (wide, 'x', cap + 1);
  wide[0] = (char) 0xc3;
  wide[1] = (char) 0xa6;                /* æ */
  wide[cap + 1] = '\0';
  ck_assert (!klynge_id_is_valid (wide));
  wide[cap] = '\0';
  ck_assert (klynge_id_is_valid (wide));
}
END_TEST

START_TEST (test_check_id_messages_name_the_field)
{
  GError *error = NULL;

  ck_assert (!_klynge_check_id ("", "member id", &error));
  ck_assert_str_eq (error->message, "the member id is empty");
  ck_assert_klynge_error (error, KLYNGE_ERROR_BAD_ID);

  ck_assert (!_klynge_check_id ("a:b", "organisation id", &error));
  ck_assert (g_str_has_prefix (error->message, "“a:b” is not a valid organisation id: "));
  ck_assert_klynge_error (error, KLYNGE_ERROR_BAD_ID);
}
END_TEST

/* --- CVR numbers ---------------------------------------------------------- */

/* From /work/shared/data/denmark-facts.md §6. */
static const char * const good_cvrs[] = {
  "13748136",     /* Erhvervsstyrelsen's worked example */
  "13585628",
  "24256790",
  "27355021",
};

START_TEST (test_cvr_accepts_published_numbers)
{
  GError *error = NULL;

  ck_assert_msg (klynge_cvr_is_valid (good_cvrs[_i]), "%s was rejected", good_cvrs[_i]);
  ck_assert (_klynge_check_cvr (good_cvrs[_i], &error));
  ck_assert_no_error (error);
}
END_TEST

static const char * const bad_checksum_cvrs[] = {
  "13585627",
  "24256791",
  "10000000",
  "35254119",     /* passes a web validator, but not the rule */
  "13748137",
};

START_TEST (test_cvr_rejects_numbers_failing_modulus_11)
{
  GError *error = NULL;

  ck_assert_msg (!klynge_cvr_is_valid (bad_checksum_cvrs[_i]), "%s was accepted",
                 bad_checksum_cvrs[_i]);
  ck_assert (!_klynge_check_cvr (bad_checksum_cvrs[_i], &error));
  ck_assert_msg (strstr (error->message, "modulus-11") != NULL, "%s", error->message);
  ck_assert_klynge_error (error, KLYNGE_ERROR_BAD_CVR);
}
END_TEST

static const char * const malformed_cvrs[] = {
  "1374813",      /* 7 digits */
  "137481360",    /* 9 digits */
  "1374813a",
  "DK13748136",
  "13 74 81 36",
  " 13748136",
  "13748136 ",
  "1374-8136",
  "",
  "١٣٧٤٨١٣٦",     /* Arabic-Indic digits */
};

START_TEST (test_cvr_rejects_anything_but_8_digits)
{
  GError *error = NULL;

  ck_assert_msg (!klynge_cvr_is_valid (malformed_cvrs[_i]), "“%s” was accepted",
                 malformed_cvrs[_i]);
  ck_assert (!_klynge_check_cvr (malformed_cvrs[_i], &error));
  ck_assert_msg (strstr (error->message, "exactly 8 digits") != NULL, "%s", error->message);
  ck_assert_klynge_error (error, KLYNGE_ERROR_BAD_CVR);
}
END_TEST

/* All zeros passes the modulus-11 sum, but 0 is the store's "no CVR". */
START_TEST (test_cvr_rejects_all_zeros)
{
  GError *error = NULL;

  ck_assert (!klynge_cvr_is_valid ("00000000"));
  ck_assert (!_klynge_check_cvr ("00000000", &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_BAD_CVR);
}
END_TEST

START_TEST (test_cvr_null_is_not_valid)
{
  ck_assert (!klynge_cvr_is_valid (NULL));
}
END_TEST

/* --- text ----------------------------------------------------------------- */

static const char * const good_texts[] = {
  "",
  "Cluster Excellence Denmark",
  "Styrelsen for Institutioner og Uddannelsesstøtte",
  "Æblegården, Østerbro, Århus",
  "tab\there",
  "line\nbreak\r\n",
  "€ 8.000.000",
  "\x7f",                          /* DEL is an XML Char */
  "\xc2\x85",                      /* so is NEL */
  "\xef\xbf\xbd",                  /* U+FFFD */
  "\xee\x80\x80",                  /* U+E000 */
  "\xf0\x9d\x84\x9e",              /* U+1D11E, four bytes */
  "\xf4\x8f\xbf\xbf",              /* U+10FFFF */
};

START_TEST (test_text_accepts_xml_characters)
{
  GError *error = NULL;

  ck_assert_msg (klynge_text_is_valid (good_texts[_i], -1), "“%s” was rejected", good_texts[_i]);
  ck_assert (klynge_text_is_valid (good_texts[_i], strlen (good_texts[_i])));
  ck_assert (_klynge_check_text (good_texts[_i], "name", TRUE, &error));
  ck_assert_no_error (error);
}
END_TEST

static const char * const bad_texts[] = {
  "\x01",
  "a\037b",                        /* unit separator */
  "\x0b",                          /* vertical tab */
  "\x1b[31m",                      /* escape sequence */
  "\xc3\x28",                      /* invalid UTF-8 */
  "\xef\xbf\xbe",                  /* U+FFFE */
  "\xef\xbf\xbf",                  /* U+FFFF */
  "\xed\xa0\x80",                  /* surrogate U+D800 */
  "\xed\xbf\xbf",                  /* surrogate U+DFFF */
  "\xc0\xaf",                      /* overlong "/" */
  "\xc1\xbf",
  "\xe0\x80\xaf",
  "\xf0\x80\x80\xaf",
  "\xf4\x90\x80\x80",              /* past U+10FFFF */
  "\xf5\x80\x80\x80",
  "\xff",
  "\x80",                          /* lone continuation byte */
  "\xc3",                          /* truncated */
  "\xe2\x82",
  "ok\xf0\x9d\x84",
};

START_TEST (test_text_rejects_what_xml_cannot_carry)
{
  GError *error = NULL;

  ck_assert_msg (!klynge_text_is_valid (bad_texts[_i], -1), "case %d was accepted", _i);
  ck_assert (!klynge_text_is_valid (bad_texts[_i], strlen (bad_texts[_i])));
  ck_assert (!_klynge_check_text (bad_texts[_i], "name", TRUE, &error));
  ck_assert (g_utf8_validate (error->message, -1, NULL));
  ck_assert_klynge_error (error, KLYNGE_ERROR_ENCODING);
}
END_TEST

START_TEST (test_text_length_bounds_the_check)
{
  ck_assert (!klynge_text_is_valid ("ab\0cd", 5));      /* NUL is no XML Char */
  ck_assert (klynge_text_is_valid ("ab\x01", 2));
  ck_assert (klynge_text_is_valid ("\x01", 0));
  ck_assert (!klynge_text_is_valid ("\xc3\xa6", 1));    /* æ cut in half */
  ck_assert (klynge_text_is_valid ("\xc3\xa6", 2));
  ck_assert (!klynge_text_is_valid ("\xf0\x9d\x84\x9e", 3));
  ck_assert (!klynge_text_is_valid (NULL, -1));
}
END_TEST

START_TEST (test_text_is_at_most_the_loader_value_cap)
{
  gsize cap = KLYNGE_LOAD_DEFAULT_MAX_VALUE_LENGTH;
  g_autofree char *text = g_strnfill (cap + 1, 'a');

  ck_assert (!klynge_text_is_valid (text, -1));
  ck_assert (!klynge_text_is_valid (text, cap + 1));
  ck_assert (klynge_text_is_valid (text, cap));
  text[cap] = '\0';
  ck_assert (klynge_text_is_valid (text, -1));
}
END_TEST

START_TEST (test_check_text_reports_empty_and_bad_characters)
{
  GError *error = NULL;

  ck_assert (_klynge_check_text ("", "note", TRUE, &error));
  ck_assert_no_error (error);

  ck_assert (!_klynge_check_text ("", "organisation name", FALSE, &error));
  ck_assert_str_eq (error->message, "the organisation name is empty");
  ck_assert_klynge_error (error, KLYNGE_ERROR_BAD_VALUE);

  ck_assert (!_klynge_check_text ("Klynge\x01", "organisation name", FALSE, &error));
  ck_assert_str_eq (error->message,
                    "the organisation name holds U+0001, which XML cannot carry (at byte 6)");
  ck_assert_klynge_error (error, KLYNGE_ERROR_ENCODING);

  ck_assert (!_klynge_check_text ("æ\xc3\x28", "organisation name", FALSE, &error));
  ck_assert_str_eq (error->message, "the organisation name is not valid UTF-8 (at byte 2)");
  ck_assert_klynge_error (error, KLYNGE_ERROR_ENCODING);
}
END_TEST

/* --- identifiers in outside registers ------------------------------------- */

typedef struct {
  KlyngeIdentifierScheme scheme;
  const char *value;
} SchemeValue;

/* Each LEI's check digits were also checked apart from the library:
 *   python3 -c "print(int(''.join(str(int(c, 36)) for c in 'LEI')) % 97)"
 * prints 1 for each (letters read as 10..35, ISO 7064 MOD 97-10). */
static const SchemeValue good_values[] = {
  { KLYNGE_IDENTIFIER_SCHEME_CVR, "13748136" },          /* denmark-facts.md §6 */
  { KLYNGE_IDENTIFIER_SCHEME_CVR, "24256790" },
  { KLYNGE_IDENTIFIER_SCHEME_P_NUMBER, "1000000000" },
  { KLYNGE_IDENTIFIER_SCHEME_P_NUMBER, "0123456789" },
  { KLYNGE_IDENTIFIER_SCHEME_LEI, "5493001KJTIIGC8Y1R12" },  /* a GLEIF LEI, as issue 16's brief gives it */
  { KLYNGE_IDENTIFIER_SCHEME_LEI, "213800KUD8LAJWSQ9D15" },  /* python-stdnum stdnum/lei.py doctest */
  { KLYNGE_IDENTIFIER_SCHEME_WIKIDATA, "Q42" },
  { KLYNGE_IDENTIFIER_SCHEME_WIKIDATA, "Q1" },
  { KLYNGE_IDENTIFIER_SCHEME_WIKIDATA, "Q123456789" },
  { KLYNGE_IDENTIFIER_SCHEME_ECCP, "energy-cluster-denmark" },
  { KLYNGE_IDENTIFIER_SCHEME_ORG_ID, "DK-CVR-13748136" },
  { KLYNGE_IDENTIFIER_SCHEME_OTHER, "register-Æ/42" },
};

START_TEST (test_identifier_values_pass_their_scheme)
{
  GError *error = NULL;

  ck_assert_msg (klynge_identifier_scheme_check_value (good_values[_i].scheme, good_values[_i].value, &error),
                 "“%s” was refused: %s", good_values[_i].value, error ? error->message : "");
  ck_assert_no_error (error);
}
END_TEST

static const struct {
  KlyngeIdentifierScheme scheme;
  const char *value;
  const char *says;       /* part of the message */
} bad_values[] = {
  { KLYNGE_IDENTIFIER_SCHEME_CVR, "13748137", "modulus-11" },
  { KLYNGE_IDENTIFIER_SCHEME_CVR, "1374813", "exactly 8 digits" },
  { KLYNGE_IDENTIFIER_SCHEME_CVR, "00000000", "number 0" },
  { KLYNGE_IDENTIFIER_SCHEME_P_NUMBER, "100000000", "10 digits" },
  { KLYNGE_IDENTIFIER_SCHEME_P_NUMBER, "10000000000", "10 digits" },
  { KLYNGE_IDENTIFIER_SCHEME_P_NUMBER, "100000000a", "10 digits" },
  { KLYNGE_IDENTIFIER_SCHEME_P_NUMBER, "", "10 digits" },
  { KLYNGE_IDENTIFIER_SCHEME_LEI, "5493001KJTIIGC8Y1R13", "check digits" },
  { KLYNGE_IDENTIFIER_SCHEME_LEI, "213800KUD8LXJWSQ9D15", "check digits" },  /* stdnum's bad one */
  { KLYNGE_IDENTIFIER_SCHEME_LEI, "5493001KJTIIGC8Y1R21", "check digits" },  /* digits swapped */
  { KLYNGE_IDENTIFIER_SCHEME_LEI, "5493001kjtiigc8y1r12", "upper-case" },
  { KLYNGE_IDENTIFIER_SCHEME_LEI, "5493001KJTIIGC8Y1R1", "20 characters" },
  /* leaves 1 by MOD 97-10 (the one-liner above prints 1), but a check
   * digit cannot be a letter */
  { KLYNGE_IDENTIFIER_SCHEME_LEI, "5493001KJTIIGC8Y1R1B", "2 check digits" },
  { KLYNGE_IDENTIFIER_SCHEME_LEI, "5493001KJTIIGC8Y1R120", "20 characters" },
  { KLYNGE_IDENTIFIER_SCHEME_LEI, "5493 01KJTIIGC8Y1R12", "20 characters" },
  { KLYNGE_IDENTIFIER_SCHEME_WIKIDATA, "Q", "Q42" },
  { KLYNGE_IDENTIFIER_SCHEME_WIKIDATA, "Q0", "Q42" },
  { KLYNGE_IDENTIFIER_SCHEME_WIKIDATA, "Q042", "Q42" },
  { KLYNGE_IDENTIFIER_SCHEME_WIKIDATA, "q42", "Q42" },
  { KLYNGE_IDENTIFIER_SCHEME_WIKIDATA, "P31", "Q42" },
  { KLYNGE_IDENTIFIER_SCHEME_WIKIDATA, "Q42 ", "Q42" },
  { KLYNGE_IDENTIFIER_SCHEME_ECCP, "", "white space" },
  { KLYNGE_IDENTIFIER_SCHEME_ECCP, "two words", "white space" },
  { KLYNGE_IDENTIFIER_SCHEME_ORG_ID, "DK-CVR-\t1", "white space" },
  { KLYNGE_IDENTIFIER_SCHEME_OTHER, "no\xc2\xa0" "break", "white space" },  /* U+00A0 */
  { KLYNGE_IDENTIFIER_SCHEME_OTHER, "bad\xff", "white space" },
  { KLYNGE_IDENTIFIER_SCHEME_OTHER, "bell\x07", "white space" },
};

START_TEST (test_identifier_values_failing_their_scheme_are_bad_identifiers)
{
  GError *error = NULL;

  ck_assert_msg (!klynge_identifier_scheme_check_value (bad_values[_i].scheme, bad_values[_i].value, &error),
                 "“%s” was accepted", bad_values[_i].value);
  ck_assert_msg (error != NULL && strstr (error->message, bad_values[_i].says) != NULL,
                 "%s", error ? error->message : "no error");
  ck_assert_klynge_error (error, KLYNGE_ERROR_BAD_IDENTIFIER);
}
END_TEST

START_TEST (test_identifier_scheme_functions_agree_with_the_check)
{
  ck_assert (klynge_lei_is_valid ("5493001KJTIIGC8Y1R12"));
  ck_assert (!klynge_lei_is_valid ("5493001KJTIIGC8Y1R13"));
  ck_assert (!klynge_lei_is_valid (NULL));
  ck_assert (klynge_p_number_is_valid ("1000000000"));
  ck_assert (!klynge_p_number_is_valid ("100000000"));
  ck_assert (!klynge_p_number_is_valid (NULL));
  ck_assert (klynge_wikidata_is_valid ("Q42"));
  ck_assert (!klynge_wikidata_is_valid ("Q042"));
  ck_assert (!klynge_wikidata_is_valid (NULL));
  ck_assert (klynge_identifier_token_is_valid ("a"));
  ck_assert (!klynge_identifier_token_is_valid (NULL));
}
END_TEST

START_TEST (test_identifier_token_is_at_most_255_bytes)
{
  char token[KLYNGE_IDENTIFIER_MAX_TOKEN_LENGTH + 2];
  g_autofree char *wikidata = NULL;

  memset (token, 'x', sizeof token - 1);
  token[sizeof token - 1] = '\0';
  ck_assert (!klynge_identifier_token_is_valid (token));
  token[KLYNGE_IDENTIFIER_MAX_TOKEN_LENGTH] = '\0';
  ck_assert (klynge_identifier_token_is_valid (token));

  memset (token, '9', sizeof token - 1);
  token[0] = 'Q';
  token[sizeof token - 1] = '\0';
  ck_assert (!klynge_wikidata_is_valid (token));
}
END_TEST

static Suite *
identifiers_suite (void)
{
  Suite *suite = suite_create ("identifiers");
  TCase *ids = tcase_create ("ids");
  TCase *cvr = tcase_create ("cvr");
  TCase *text = tcase_create ("text");
  TCase *schemes;

  tcase_add_loop_test (ids, test_id_accepts_ncnames, 0, G_N_ELEMENTS (good_ids));
  tcase_add_loop_test (ids, test_id_rejects_everything_else, 0, G_N_ELEMENTS (bad_ids));
  tcase_add_test (ids, test_id_null_is_not_valid);
  tcase_add_test (ids, test_id_long_ids_are_fine);
  tcase_add_test (ids, test_id_is_at_most_the_loader_value_cap);
  tcase_add_test (ids, test_check_id_messages_name_the_field);
  suite_add_tcase (suite, ids);

  tcase_add_loop_test (cvr, test_cvr_accepts_published_numbers, 0, G_N_ELEMENTS (good_cvrs));
  tcase_add_loop_test (cvr, test_cvr_rejects_numbers_failing_modulus_11,
                       0, G_N_ELEMENTS (bad_checksum_cvrs));
  tcase_add_loop_test (cvr, test_cvr_rejects_anything_but_8_digits,
                       0, G_N_ELEMENTS (malformed_cvrs));
  tcase_add_test (cvr, test_cvr_rejects_all_zeros);
  tcase_add_test (cvr, test_cvr_null_is_not_valid);
  suite_add_tcase (suite, cvr);

  tcase_add_loop_test (text, test_text_accepts_xml_characters, 0, G_N_ELEMENTS (good_texts));
  tcase_add_loop_test (text, test_text_rejects_what_xml_cannot_carry,
                       0, G_N_ELEMENTS (bad_texts));
  tcase_add_test (text, test_text_length_bounds_the_check);
  tcase_add_test (text, test_text_is_at_most_the_loader_value_cap);
  tcase_add_test (text, test_check_text_reports_empty_and_bad_characters);
  suite_add_tcase (suite, text);

  schemes = tcase_create ("schemes");
  tcase_add_loop_test (schemes, test_identifier_values_pass_their_scheme, 0, G_N_ELEMENTS (good_values));
  tcase_add_loop_test (schemes, test_identifier_values_failing_their_scheme_are_bad_identifiers,
                       0, G_N_ELEMENTS (bad_values));
  tcase_add_test (schemes, test_identifier_scheme_functions_agree_with_the_check);
  tcase_add_test (schemes, test_identifier_token_is_at_most_255_bytes);
  suite_add_tcase (suite, schemes);

  return suite;
}

int
main (void)
{
  return klynge_test_run (identifiers_suite ());
}
