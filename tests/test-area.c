/* test-area.c: the vocabulary of areas, areas in a scheme on records, and
 * the filters that match areas and cities as users type
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "klynge-private.h"
#include "klynge-record-private.h"
#include "klynge-test.h"

#define KP "klyngeprogram-2021"

#define ck_assert_error(err, domain, code) \
  ck_assert_msg (g_error_matches ((err), (domain), (code)), "expected error %d, got: %s", \
                 (code), (err) != NULL ? (err)->message : "none")

/* --- the vocabulary ------------------------------------------------------ */

typedef struct {
  const char *scheme;
  const char *label;
  const char *id;         /* NULL: no area */
} LookupCase;

static const LookupCase lookup_cases[] = {
  { KP, "Energiteknologi", "energiteknologi" },
  { KP, "energiteknologi", "energiteknologi" },
  { KP, "Energy technology", "energiteknologi" },
  { KP, "ENERGY TECHNOLOGY", "energiteknologi" },
  { KP, "Miljøteknologi", "miljoeteknologi" },
  { KP, "MILJØTEKNOLOGI", "miljoeteknologi" },
  { KP, "Milj\xc3\xb8teknologi", "miljoeteknologi" },
  { KP, "Byggeri og anl\x61\xcc\x8a" "g", NULL },     /* a with a ring (å) is not æ */
  { KP, "Byggeri og anlæg", "byggeri-anlaeg" },
  { KP, "Defence, space and security", "forsvar-rumfart-sikkerhed" },
  { KP, "forsvar, rumfart og sikkerhed", "forsvar-rumfart-sikkerhed" },
  { KP, "Turisme", "turisme" },
  { KP, "Energi", NULL },                                      /* lookup is whole labels */
  { KP, "energiteknologi ", NULL },
  { KP, "", NULL },
  { "other", "Energiteknologi", NULL },
  { "no-such-scheme", "Energiteknologi", NULL },
};

START_TEST (test_lookup_matches_either_label_whatever_its_case)
{
  const LookupCase *c = &lookup_cases[_i];
  KlyngeArea *area = klynge_area_lookup (c->scheme, c->label);

  if (c->id == NULL)
    ck_assert_msg (area == NULL, "“%s” in %s named %s", c->label, c->scheme,
                   area != NULL ? klynge_area_get_id (area) : "");
  else
    {
      ck_assert_msg (area != NULL, "“%s” in %s named nothing", c->label, c->scheme);
      ck_assert_str_eq (klynge_area_get_id (area), c->id);
      ck_assert_str_eq (klynge_area_get_scheme (area), c->scheme);
    }
}
END_TEST

START_TEST (test_lookup_ignores_unicode_normalisation)
{
  /* "ﬁntech" with the fi ligature (U+FB01) is "fintech" once normalised */
  KlyngeArea *area = klynge_area_lookup (KP, "\xef\xac\x81ntech");

  ck_assert_ptr_nonnull (area);
  ck_assert_str_eq (klynge_area_get_id (area), "fintech");
}
END_TEST

START_TEST (test_schemes_are_the_programme_then_other)
{
  const char * const *schemes = klynge_list_area_schemes ();

  ck_assert_str_eq (schemes[0], KP);
  ck_assert_str_eq (schemes[1], KLYNGE_AREA_SCHEME_OTHER);
  ck_assert_ptr_null (schemes[2]);
}
END_TEST

START_TEST (test_programme_areas_are_listed_in_the_file_order_with_sources)
{
  static const char * const ids[] = {
    "energiteknologi", "miljoeteknologi", "foedevarer-bioressourcer", "maritime-logistik",
    "life-science-velfaerdsteknologi", "byggeri-anlaeg", "avanceret-produktion",
    "digitale-teknologier", "fintech", "robot-drone", "design-mode-moebler", "lydteknologi",
    "spil-animation-film", "forsvar-rumfart-sikkerhed", "turisme",
  };
  g_autoptr(GPtrArray) areas = klynge_list_areas (KP);

  ck_assert_uint_eq (areas->len, G_N_ELEMENTS (ids));
  for (guint i = 0; i < areas->len; i++)
    {
      KlyngeArea *area = g_ptr_array_index (areas, i);

      ck_assert_str_eq (klynge_area_get_id (area), ids[i]);
      ck_assert (g_str_has_prefix (klynge_area_get_source (area), "http"));
      ck_assert (klynge_area_get_label (area)[0] != '\0');
      ck_assert (klynge_area_get_label_en (area)[0] != '\0');
      ck_assert (klynge_area_is_label_en_translated (area)
                 == (klynge_area_get_label_en_source (area) == NULL));
    }
}
END_TEST

START_TEST (test_other_and_unknown_schemes_have_no_areas)
{
  g_autoptr(GPtrArray) other = klynge_list_areas (KLYNGE_AREA_SCHEME_OTHER);
  g_autoptr(GPtrArray) unknown = klynge_list_areas ("no-such-scheme");

  ck_assert_uint_eq (other->len, 0);
  ck_assert_uint_eq (unknown->len, 0);
}
END_TEST

typedef struct {
  const char *id;
  KlyngeAreaKind kind;
} KindCase;

/* only where the sources say: denmark-facts.md §1, §8, §10.1, §10.5 */
static const KindCase kind_cases[] = {
  { "byggeri-anlaeg", KLYNGE_AREA_KIND_STRONGHOLD },
  { "turisme", KLYNGE_AREA_KIND_STRONGHOLD },
  { "lydteknologi", KLYNGE_AREA_KIND_EMERGING },
  { "spil-animation-film", KLYNGE_AREA_KIND_EMERGING },
  { "forsvar-rumfart-sikkerhed", KLYNGE_AREA_KIND_EMERGING },
  { "energiteknologi", KLYNGE_AREA_KIND_NOT_STATED },
  { "fintech", KLYNGE_AREA_KIND_NOT_STATED },
};

START_TEST (test_kind_is_what_the_sources_say)
{
  g_autoptr(GPtrArray) areas = klynge_list_areas (KP);
  gboolean found = FALSE;

  for (guint i = 0; i < areas->len; i++)
    {
      KlyngeArea *area = g_ptr_array_index (areas, i);

      if (strcmp (klynge_area_get_id (area), kind_cases[_i].id) == 0)
        {
          ck_assert_int_eq (klynge_area_get_kind (area), kind_cases[_i].kind);
          found = TRUE;
        }
    }
  ck_assert_msg (found, "no area %s", kind_cases[_i].id);
}
END_TEST

START_TEST (test_only_a_sourced_english_label_is_not_a_translation)
{
  KlyngeArea *defence = klynge_area_lookup (KP, "Forsvar, rumfart og sikkerhed");
  KlyngeArea *energy = klynge_area_lookup (KP, "Energiteknologi");

  ck_assert (!klynge_area_is_label_en_translated (defence));
  ck_assert_str_eq (klynge_area_get_label_en (defence), "Defence, space and security");
  ck_assert (g_str_has_prefix (klynge_area_get_label_en_source (defence), "https://www.mynewsdesk.com/"));
  ck_assert (klynge_area_is_label_en_translated (energy));
  ck_assert_ptr_null (klynge_area_get_label_en_source (energy));
}
END_TEST

static gpointer
look_up_energy (gpointer data)
{
  return klynge_area_lookup (KP, "energy technology");
}

START_TEST (test_first_use_from_many_threads_reads_the_file_once)
{
  GThread *threads[8];
  gpointer first = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("area", look_up_energy, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      gpointer area = g_thread_join (threads[i]);

      ck_assert_ptr_nonnull (area);
      if (first == NULL)
        first = area;
      ck_assert_ptr_eq (area, first);
    }
}
END_TEST

/* --- areas on records ---------------------------------------------------- */

typedef struct {
  const char *name;
  const char *scheme;
  const char *label;
  int code;               /* 0: accepted */
} AddCase;

static const AddCase add_cases[] = {
  { "free text", NULL, "Grøn omstilling", 0 },
  { "free text named as such", "other", "Grøn omstilling", 0 },
  { "a Danish label", KP, "Energiteknologi", 0 },
  { "an English label in another case", KP, "energy technology", 0 },
  { "a label the scheme lacks", KP, "Grøn omstilling", KLYNGE_ERROR_UNKNOWN_AREA },
  { "a scheme klynge does not ship", "no-such-scheme", "Energiteknologi", KLYNGE_ERROR_UNKNOWN_AREA },
  { "an empty label", KP, "", KLYNGE_ERROR_BAD_VALUE },
  { "text XML cannot carry", KP, "a\x01", KLYNGE_ERROR_ENCODING },
};

START_TEST (test_focus_area_in_scheme_is_checked_against_the_scheme)
{
  const AddCase *c = &add_cases[_i];
  g_autoptr(KlyngeOrganisation) organisation =
    klynge_organisation_new ("o", KLYNGE_ORGANISATION_KIND_CLUSTER, "O");
  GError *error = NULL;
  gboolean ok = klynge_organisation_add_focus_area_in_scheme (organisation, c->scheme, c->label, &error);

  if (c->code == 0)
    {
      ck_assert_msg (ok, "%s: refused", c->name);
      ck_assert_no_error (error);
      ck_assert_str_eq (klynge_organisation_get_focus_areas (organisation)[0], c->label);
      ck_assert_str_eq (klynge_organisation_get_focus_area_schemes (organisation)[0],
                        c->scheme != NULL ? c->scheme : "other");
    }
  else
    {
      ck_assert_msg (!ok, "%s: accepted", c->name);
      ck_assert_error (error, KLYNGE_ERROR, c->code);
      ck_assert_ptr_null (klynge_organisation_get_focus_areas (organisation)[0]);
      g_clear_error (&error);
    }
}
END_TEST

START_TEST (test_unknown_area_message_lists_the_scheme_s_areas)
{
  g_autoptr(KlyngeOrganisation) organisation =
    klynge_organisation_new ("o", KLYNGE_ORGANISATION_KIND_CLUSTER, "O");
  g_autoptr(GError) error = NULL;

  ck_assert (!klynge_organisation_add_focus_area_in_scheme (organisation, KP, "Grøn", &error));
  ck_assert_ptr_nonnull (strstr (error->message, "Energiteknologi / Energy technology"));
  g_clear_error (&error);
  ck_assert (!klynge_organisation_add_focus_area_in_scheme (organisation, "nope", "Grøn", &error));
  ck_assert_ptr_nonnull (strstr (error->message, KP));
}
END_TEST

START_TEST (test_schemes_stay_parallel_to_focus_areas)
{
  g_autoptr(KlyngeOrganisation) organisation =
    klynge_organisation_new ("o", KLYNGE_ORGANISATION_KIND_CLUSTER, "O");
  const char * const *schemes;

  ck_assert (klynge_organisation_add_focus_area (organisation, "Energy", NULL));
  ck_assert (klynge_organisation_add_focus_area_in_scheme (organisation, KP, "Turisme", NULL));
  /* a refused one leaves both as they were */
  ck_assert (!klynge_organisation_add_focus_area_in_scheme (organisation, KP, "Turisme", NULL));
  schemes = klynge_organisation_get_focus_area_schemes (organisation);
  ck_assert_str_eq (schemes[0], "other");
  ck_assert_str_eq (schemes[1], KP);
  ck_assert_ptr_null (schemes[2]);
  klynge_organisation_clear_focus_areas (organisation);
  ck_assert_ptr_null (klynge_organisation_get_focus_area_schemes (organisation)[0]);
}
END_TEST

START_TEST (test_only_a_shipped_scheme_needs_version_2)
{
  g_autoptr(KlyngeOrganisation) organisation =
    klynge_organisation_new ("o", KLYNGE_ORGANISATION_KIND_CLUSTER, "O");

  ck_assert (klynge_organisation_add_focus_area (organisation, "Energy", NULL));
  ck_assert_uint_eq (_klynge_record_get_format_version (KLYNGE_RECORD (organisation)), 1);
  ck_assert (klynge_organisation_add_focus_area_in_scheme (organisation, KP, "Turisme", NULL));
  ck_assert_uint_eq (_klynge_record_get_format_version (KLYNGE_RECORD (organisation)), 2);
}
END_TEST

START_TEST (test_designation_area_in_scheme)
{
  KlyngeDate start = klynge_test_date ("2021-01-01");
  g_autoptr(KlyngeDesignation) free_text =
    klynge_designation_new ("ecd", KLYNGE_DESIGNATION_ROLE_NATIONAL_CLUSTER, "Energy", &start, NULL, NULL);
  g_autoptr(KlyngeDesignation) none =
    klynge_designation_new ("ecd", KLYNGE_DESIGNATION_ROLE_NATIONAL_CLUSTER, NULL, &start, NULL, NULL);
  g_autoptr(KlyngeDesignation) in_scheme =
    klynge_designation_new_in_scheme ("ecd", KLYNGE_DESIGNATION_ROLE_NATIONAL_CLUSTER, KP,
                                      "Energiteknologi", &start, NULL, NULL);
  GError *error = NULL;

  ck_assert_str_eq (klynge_designation_get_area_scheme (free_text), "other");
  ck_assert_ptr_null (klynge_designation_get_area_scheme (none));
  ck_assert_str_eq (klynge_designation_get_area_scheme (in_scheme), KP);

  ck_assert_ptr_null (klynge_designation_new_in_scheme ("ecd", KLYNGE_DESIGNATION_ROLE_NATIONAL_CLUSTER,
                                                        KP, "Energy", &start, NULL, &error));
  ck_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_UNKNOWN_AREA);
  g_clear_error (&error);
  ck_assert_ptr_null (klynge_designation_new_in_scheme ("ecd", KLYNGE_DESIGNATION_ROLE_NATIONAL_CLUSTER,
                                                        KP, NULL, &start, NULL, &error));
  ck_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_BAD_VALUE);
  g_clear_error (&error);
}
END_TEST

/* --- filters on the built-in landscape ------------------------------------ */

typedef struct {
  const char *name;
  const char *focus;
  const char *city;
  const char *must_find;  /* an organisation's id */
  const char *must_not_find;
} FilterCase;

static const FilterCase filter_cases[] = {
  { "Danish, as typed", "energi", NULL, "ecd", "fbcd" },
  { "English label of the area the free text names", "energy", NULL, "ecd", "clean" },
  { "upper case", "ENERGITEKNOLOGI", NULL, "ecd", "dlsc" },
  { "English label of another area", "environmental", NULL, "clean", "ecd" },
  { "city in lower case", NULL, "aalborg", "ecd", "fbcd" },
  { "city as typed", NULL, "aal", "ecd", "fbcd" },
  { "focus and city together", "energy", "aalborg", "ecd", "clean" },
};

static gboolean
lists (GPtrArray  *organisations,
       const char *id)
{
  for (guint i = 0; i < organisations->len; i++)
    if (strcmp (klynge_record_get_id (g_ptr_array_index (organisations, i)), id) == 0)
      return TRUE;
  return FALSE;
}

START_TEST (test_filter_matches_as_users_type)
{
  const FilterCase *c = &filter_cases[_i];
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new_default ();
  g_autoptr(KlyngeFilter) filter = klynge_filter_new ();
  g_autoptr(GPtrArray) found = NULL;
  GError *error = NULL;

  klynge_filter_set_focus_area (filter, c->focus);
  klynge_filter_set_city (filter, c->city);
  ck_assert (klynge_filter_check (filter, landscape, &error));
  ck_assert_no_error (error);
  found = klynge_landscape_list_organisations (landscape, filter);
  ck_assert_msg (lists (found, c->must_find), "%s: %s not found", c->name, c->must_find);
  ck_assert_msg (!lists (found, c->must_not_find), "%s: %s found", c->name, c->must_not_find);
  ck_assert (klynge_filter_matches (filter, KLYNGE_ORGANISATION (klynge_landscape_lookup (landscape,
                                                                                          c->must_find))));
}
END_TEST

typedef struct {
  const char *name;
  const char *focus;
  const char *city;
  const char *listed;     /* a known value the message must list */
  const char *region;
  const char *municipality;
} UnknownCase;

static const UnknownCase unknown_cases[] = {
  { "a focus area nothing contains", "quantum", NULL, "Energiteknologi" },
  { "a focus area listed with the vocabulary's English labels", "quantum", NULL, "Defence, space and security" },
  { "a city no location is in", NULL, "Paris", "Aalborg" },
  { "a known focus area with an unknown city", "energi", "Paris", "Aalborg" },
  { "a region outside NUTS 2021 Denmark", NULL, NULL, "DK05", "DK06", NULL },
  { "a region code in lower case", NULL, NULL, "DK01", "dk01", NULL },
  { "a municipality code Denmark does not have", NULL, NULL, "851", NULL, "999" },
  { "Christiansø, in no municipality", NULL, NULL, "101", NULL, "411" },
};

START_TEST (test_unknown_filter_value_is_an_error_listing_the_known_ones)
{
  const UnknownCase *c = &unknown_cases[_i];
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new_default ();
  g_autoptr(KlyngeFilter) filter = klynge_filter_new ();
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  klynge_filter_set_focus_area (filter, c->focus);
  klynge_filter_set_city (filter, c->city);
  klynge_filter_set_region (filter, c->region);
  klynge_filter_set_municipality (filter, c->municipality);
  ck_assert_msg (!klynge_filter_check (filter, landscape, &error), "%s: accepted", c->name);
  ck_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_UNKNOWN_FILTER_VALUE);
  ck_assert_msg (strstr (error->message, c->listed) != NULL, "%s: “%s” lacks %s",
                 c->name, error->message, c->listed);
  /* unchecked, the listing is empty, as documented */
  found = klynge_landscape_list_organisations (landscape, filter);
  ck_assert_uint_eq (found->len, 0);
}
END_TEST

START_TEST (test_a_vocabulary_label_no_organisation_has_is_known)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new_default ();
  g_autoptr(KlyngeFilter) filter = klynge_filter_new ();
  g_autoptr(GPtrArray) found = NULL;
  GError *error = NULL;

  /* tourism is a stronghold with no cluster (denmark-facts.md §10.5);
   * in English, "tourism" would find Invio's free text */
  klynge_filter_set_focus_area (filter, "turisme");
  ck_assert (klynge_filter_check (filter, landscape, &error));
  ck_assert_no_error (error);
  found = klynge_landscape_list_organisations (landscape, filter);
  ck_assert_uint_eq (found->len, 0);
}
END_TEST

START_TEST (test_a_known_region_no_location_states_is_known)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new_default ();
  g_autoptr(KlyngeFilter) filter = klynge_filter_new ();
  GError *error = NULL;

  /* the built-in locations state no region: a known code is "none match" */
  klynge_filter_set_region (filter, "DK05");
  klynge_filter_set_municipality (filter, "851");
  ck_assert (klynge_filter_check (filter, landscape, &error));
  ck_assert_no_error (error);
}
END_TEST

START_TEST (test_filter_text_that_is_not_utf8_is_a_programmer_error)
{
  g_autoptr(KlyngeFilter) filter = klynge_filter_new ();
  g_autoptr(KlyngeDesignationFilter) designations = klynge_designation_filter_new ();
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new_default ();
  g_autoptr(GPtrArray) found = NULL;

  /* folded, it would be "", which every text contains */
  assert_critical (klynge_filter_set_focus_area (filter, "energi\xff"));
  assert_critical (klynge_filter_set_city (filter, "\xc3"));
  assert_critical (klynge_designation_filter_set_area (designations, "\xff"));
  found = klynge_landscape_list_organisations (landscape, filter);
  ck_assert_uint_eq (found->len, klynge_landscape_count (landscape, KLYNGE_TYPE_ORGANISATION));
}
END_TEST

START_TEST (test_filter_without_text_conditions_checks)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new ();
  g_autoptr(KlyngeFilter) filter = klynge_filter_new ();
  GError *error = NULL;

  ck_assert (klynge_filter_check (filter, landscape, &error));
  ck_assert_no_error (error);
}
END_TEST

START_TEST (test_designation_filter_check_knows_areas_and_labels)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new ();
  g_autoptr(KlyngeDesignationFilter) filter = klynge_designation_filter_new ();
  g_autoptr(GError) error = NULL;

  klynge_designation_filter_set_area (filter, "energy");
  ck_assert (klynge_designation_filter_check (filter, landscape, &error));
  ck_assert_no_error (error);
  klynge_designation_filter_set_area (filter, "quantum");
  ck_assert (!klynge_designation_filter_check (filter, landscape, &error));
  ck_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_UNKNOWN_FILTER_VALUE);
  ck_assert_ptr_nonnull (strstr (error->message, "Energiteknologi"));
}
END_TEST

static Suite *
area_suite (void)
{
  Suite *suite = suite_create ("area");
  TCase *vocabulary = tcase_create ("vocabulary");
  TCase *records = tcase_create ("records");
  TCase *filters = tcase_create ("filters");

  tcase_add_loop_test (vocabulary, test_lookup_matches_either_label_whatever_its_case,
                       0, G_N_ELEMENTS (lookup_cases));
  tcase_add_test (vocabulary, test_lookup_ignores_unicode_normalisation);
  tcase_add_test (vocabulary, test_schemes_are_the_programme_then_other);
  tcase_add_test (vocabulary, test_programme_areas_are_listed_in_the_file_order_with_sources);
  tcase_add_test (vocabulary, test_other_and_unknown_schemes_have_no_areas);
  tcase_add_loop_test (vocabulary, test_kind_is_what_the_sources_say, 0, G_N_ELEMENTS (kind_cases));
  tcase_add_test (vocabulary, test_only_a_sourced_english_label_is_not_a_translation);
  tcase_add_test (vocabulary, test_first_use_from_many_threads_reads_the_file_once);
  suite_add_tcase (suite, vocabulary);

  tcase_add_loop_test (records, test_focus_area_in_scheme_is_checked_against_the_scheme,
                       0, G_N_ELEMENTS (add_cases));
  tcase_add_test (records, test_unknown_area_message_lists_the_scheme_s_areas);
  tcase_add_test (records, test_schemes_stay_parallel_to_focus_areas);
  tcase_add_test (records, test_only_a_shipped_scheme_needs_version_2);
  tcase_add_test (records, test_designation_area_in_scheme);
  suite_add_tcase (suite, records);

  tcase_add_loop_test (filters, test_filter_matches_as_users_type, 0, G_N_ELEMENTS (filter_cases));
  tcase_add_loop_test (filters, test_unknown_filter_value_is_an_error_listing_the_known_ones,
                       0, G_N_ELEMENTS (unknown_cases));
  tcase_add_test (filters, test_a_vocabulary_label_no_organisation_has_is_known);
  tcase_add_test (filters, test_a_known_region_no_location_states_is_known);
  tcase_add_test (filters, test_filter_text_that_is_not_utf8_is_a_programmer_error);
  tcase_add_test (filters, test_filter_without_text_conditions_checks);
  tcase_add_test (filters, test_designation_filter_check_knows_areas_and_labels);
  suite_add_tcase (suite, filters);

  return suite;
}

int
main (void)
{
  return klynge_test_run (area_suite ());
}
