/* test-programme.c: KlyngeProgramme, its envelopes and designations, and
 * version 2 of the format
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "klynge-test.h"
#include "klynge-private.h"

static const KlyngeDate d2021 = { 2021, 1, 1 };
static const KlyngeDate d2021_end = { 2021, 12, 31 };
static const KlyngeDate d2024_end = { 2024, 12, 31 };

static KlyngeProgramme *
new_cluster_programme (void)
{
  return klynge_programme_new ("klyngeprogram-2021", KLYNGE_PROGRAMME_KIND_CLUSTER_PROGRAMME,
                               "Innovationskraft");
}

static KlyngeEnvelope *
new_envelope (const char *source,
              guint       year,
              gint64      amount)
{
  KlyngePeriod period = { { year, 1, 1 }, { year, 12, 31 } };
  g_autoptr(GError) error = NULL;
  KlyngeEnvelope *envelope = klynge_envelope_new (source, &period, amount, &error);

  ck_assert_no_error (error);
  return envelope;
}

static KlyngeDesignation *
new_designation (const char *organisation)
{
  g_autoptr(GError) error = NULL;
  KlyngeDesignation *designation =
    klynge_designation_new (organisation, KLYNGE_DESIGNATION_ROLE_NATIONAL_CLUSTER,
                            "Energiteknologi", &d2021, &d2024_end, &error);

  ck_assert_no_error (error);
  return designation;
}

/* --- enums ---------------------------------------------------------------- */

typedef struct {
  GType (*get_type) (void);
  int value;
  const char *nick;
} NickCase;

static const NickCase nick_cases[] = {
  { klynge_programme_kind_get_type, KLYNGE_PROGRAMME_KIND_CLUSTER_PROGRAMME, "cluster-programme" },
  { klynge_programme_kind_get_type, KLYNGE_PROGRAMME_KIND_INNOVATION_NETWORK_PROGRAMME,
    "innovation-network-programme" },
  { klynge_programme_kind_get_type, KLYNGE_PROGRAMME_KIND_TRANSITION_POOL, "transition-pool" },
  { klynge_programme_kind_get_type, KLYNGE_PROGRAMME_KIND_OTHER, "other" },
  { klynge_designation_role_get_type, KLYNGE_DESIGNATION_ROLE_NATIONAL_CLUSTER, "national-cluster" },
  { klynge_designation_role_get_type, KLYNGE_DESIGNATION_ROLE_INNOVATION_NETWORK, "innovation-network" },
  { klynge_designation_role_get_type, KLYNGE_DESIGNATION_ROLE_SUPPORT_BODY, "support-body" },
  { klynge_designation_role_get_type, KLYNGE_DESIGNATION_ROLE_OTHER, "other" },
};

START_TEST (test_programme_enum_nicks_are_the_format_values)
{
  const NickCase *c = &nick_cases[_i];
  int value = -1;

  ck_assert_str_eq (klynge_enum_to_nick (c->get_type (), c->value), c->nick);
  ck_assert (klynge_enum_from_nick (c->get_type (), c->nick, &value));
  ck_assert_int_eq (value, c->value);
}
END_TEST

START_TEST (test_programme_enums_have_four_values_each)
{
  GEnumClass *kinds = g_type_class_ref (KLYNGE_TYPE_PROGRAMME_KIND);
  GEnumClass *roles = g_type_class_ref (KLYNGE_TYPE_DESIGNATION_ROLE);

  ck_assert_uint_eq (kinds->n_values, 4);
  ck_assert_uint_eq (roles->n_values, 4);
  g_type_class_unref (kinds);
  g_type_class_unref (roles);
}
END_TEST

/* --- the record ------------------------------------------------------------ */

START_TEST (test_programme_new_has_no_dates_envelopes_or_designations)
{
  g_autoptr(KlyngeProgramme) programme = new_cluster_programme ();

  ck_assert_str_eq (klynge_record_get_id (KLYNGE_RECORD (programme)), "klyngeprogram-2021");
  ck_assert_str_eq (klynge_record_get_kind_name (KLYNGE_RECORD (programme)), "programme");
  ck_assert_str_eq (klynge_programme_get_name (programme), "Innovationskraft");
  ck_assert_int_eq (klynge_programme_get_kind (programme), KLYNGE_PROGRAMME_KIND_CLUSTER_PROGRAMME);
  ck_assert (!klynge_date_is_set (klynge_programme_get_start (programme)));
  ck_assert (!klynge_date_is_set (klynge_programme_get_end (programme)));
  ck_assert_uint_eq (klynge_programme_get_envelopes (programme)->len, 0);
  ck_assert_uint_eq (klynge_programme_get_designations (programme)->len, 0);
}
END_TEST

START_TEST (test_programme_properties_round_trip)
{
  g_autoptr(KlyngeProgramme) programme = new_cluster_programme ();
  g_autofree char *name = NULL;
  g_autoptr(KlyngeDate) start = NULL;
  g_autoptr(KlyngeDate) end = NULL;
  KlyngeProgrammeKind kind;

  g_object_set (programme, "name", "Klyngeprogrammet", "kind", KLYNGE_PROGRAMME_KIND_TRANSITION_POOL,
                "start", &d2021, "end", &d2024_end, NULL);
  g_object_get (programme, "name", &name, "kind", &kind, "start", &start, "end", &end, NULL);
  ck_assert_str_eq (name, "Klyngeprogrammet");
  ck_assert_int_eq (kind, KLYNGE_PROGRAMME_KIND_TRANSITION_POOL);
  ck_assert (klynge_date_equal (start, &d2021));
  ck_assert (klynge_date_equal (end, &d2024_end));
}
END_TEST

START_TEST (test_programme_envelopes_and_designations_keep_insertion_order)
{
  g_autoptr(KlyngeProgramme) programme = new_cluster_programme ();
  g_autoptr(KlyngeEnvelope) e2022 = new_envelope ("deb", 2022, 100);
  g_autoptr(KlyngeEnvelope) e2021 = new_envelope ("deb", 2021, 200);
  g_autoptr(KlyngeDesignation) ecd = new_designation ("ecd");
  g_autoptr(KlyngeDesignation) lif = new_designation ("lif");
  g_autoptr(GError) error = NULL;

  ck_assert (klynge_programme_add_envelope (programme, e2022, &error));
  ck_assert (klynge_programme_add_envelope (programme, e2021, &error));
  ck_assert (klynge_programme_add_designation (programme, ecd, &error));
  ck_assert (klynge_programme_add_designation (programme, lif, &error));
  ck_assert_no_error (error);
  ck_assert_ptr_eq (g_ptr_array_index (klynge_programme_get_envelopes (programme), 0), e2022);
  ck_assert_ptr_eq (g_ptr_array_index (klynge_programme_get_envelopes (programme), 1), e2021);
  ck_assert_ptr_eq (g_ptr_array_index (klynge_programme_get_designations (programme), 0), ecd);
  ck_assert_ptr_eq (g_ptr_array_index (klynge_programme_get_designations (programme), 1), lif);

  klynge_programme_clear_envelopes (programme);
  klynge_programme_clear_designations (programme);
  ck_assert_uint_eq (klynge_programme_get_envelopes (programme)->len, 0);
  ck_assert_uint_eq (klynge_programme_get_designations (programme)->len, 0);
}
END_TEST

START_TEST (test_designation_knows_its_programme_and_refuses_a_second)
{
  g_autoptr(KlyngeProgramme) first = new_cluster_programme ();
  g_autoptr(KlyngeProgramme) second =
    klynge_programme_new ("innovationsnetvaerk", KLYNGE_PROGRAMME_KIND_INNOVATION_NETWORK_PROGRAMME,
                          "Innovationsnetværk Danmark");
  g_autoptr(KlyngeDesignation) ecd = new_designation ("ecd");
  g_autoptr(GError) error = NULL;

  ck_assert_ptr_null (klynge_designation_get_programme (ecd));
  ck_assert (klynge_programme_add_designation (first, ecd, &error));
  ck_assert_str_eq (klynge_designation_get_programme (ecd), "klyngeprogram-2021");

  ck_assert (!klynge_programme_add_designation (second, ecd, &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_INCONSISTENT);
  ck_assert_uint_eq (klynge_programme_get_designations (second)->len, 0);
  ck_assert_str_eq (klynge_designation_get_programme (ecd), "klyngeprogram-2021");

  /* cleared, it may go back to its own programme */
  klynge_programme_clear_designations (first);
  ck_assert (klynge_programme_add_designation (first, ecd, &error));
  ck_assert_no_error (error);
}
END_TEST

START_TEST (test_envelope_overlapping_one_of_the_same_source_is_refused)
{
  g_autoptr(KlyngeProgramme) programme = new_cluster_programme ();
  g_autoptr(KlyngeEnvelope) deb = new_envelope ("deb", 2021, 100);
  g_autoptr(KlyngeEnvelope) deb_again = new_envelope ("deb", 2021, 50);
  g_autoptr(KlyngeEnvelope) eu = new_envelope ("eu", 2021, 50);
  g_autoptr(GError) error = NULL;

  ck_assert (klynge_programme_add_envelope (programme, deb, &error));
  ck_assert (!klynge_programme_add_envelope (programme, deb_again, &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_INCONSISTENT);
  ck_assert (klynge_programme_add_envelope (programme, eu, &error));
  ck_assert_no_error (error);
  ck_assert_uint_eq (klynge_programme_get_envelopes (programme)->len, 2);
}
END_TEST

START_TEST (test_envelope_amount_in_period_is_pro_rated_by_days)
{
  KlyngePeriod two_years = { { 2021, 1, 1 }, { 2022, 12, 31 } };
  KlyngePeriod y2021 = { { 2021, 0, 0 }, { 2021, 0, 0 } };
  KlyngePeriod y2022 = { { 2022, 0, 0 }, { 2022, 0, 0 } };
  KlyngePeriod y2023 = { { 2023, 0, 0 }, { 2023, 0, 0 } };
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeEnvelope) envelope = klynge_envelope_new ("deb", &two_years, 730001, &error);

  ck_assert_no_error (error);
  ck_assert_str_eq (klynge_envelope_get_source (envelope), "deb");
  ck_assert (klynge_period_equal (klynge_envelope_get_period (envelope), &two_years));
  ck_assert_int_eq (klynge_envelope_get_amount (envelope), 730001);
  ck_assert_int_eq (klynge_envelope_amount_in_period (envelope, &y2021)
                    + klynge_envelope_amount_in_period (envelope, &y2022), 730001);
  ck_assert_int_eq (klynge_envelope_amount_in_period (envelope, &y2023), 0);
  ck_assert_uint_eq (klynge_envelope_get_line (envelope), 0);
}
END_TEST

START_TEST (test_designation_is_active_from_its_start_through_its_end)
{
  static const KlyngeDate before = { 2020, 12, 31 }, last = { 2024, 12, 31 }, after = { 2025, 1, 1 };
  g_autoptr(KlyngeDesignation) closed = new_designation ("ecd");
  g_autoptr(KlyngeDesignation) open = NULL;
  g_autoptr(GError) error = NULL;

  ck_assert_str_eq (klynge_designation_get_organisation (closed), "ecd");
  ck_assert_int_eq (klynge_designation_get_role (closed), KLYNGE_DESIGNATION_ROLE_NATIONAL_CLUSTER);
  ck_assert_str_eq (klynge_designation_get_area (closed), "Energiteknologi");
  ck_assert (!klynge_designation_is_active_on (closed, &before));
  ck_assert (klynge_designation_is_active_on (closed, &d2021));
  ck_assert (klynge_designation_is_active_on (closed, &last));
  ck_assert (!klynge_designation_is_active_on (closed, &after));

  open = klynge_designation_new ("ced", KLYNGE_DESIGNATION_ROLE_SUPPORT_BODY, NULL, &d2021, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_ptr_null (klynge_designation_get_area (open));
  ck_assert (!klynge_date_is_set (klynge_designation_get_end (open)));
  ck_assert (klynge_designation_is_active_on (open, &after));
}
END_TEST

/* --- setters and constructors refuse bad values ---------------------------- */

typedef struct {
  const char *what;
  gboolean (*attempt) (GError **error);
  KlyngeError code;
} Refusal;

static gboolean
programme_empty_name (GError **error)
{
  g_autoptr(KlyngeProgramme) programme = new_cluster_programme ();
  gboolean ok = klynge_programme_set_name (programme, "", error);

  ck_assert_str_eq (klynge_programme_get_name (programme), "Innovationskraft");
  return ok;
}

static gboolean
programme_name_with_control_character (GError **error)
{
  g_autoptr(KlyngeProgramme) programme = new_cluster_programme ();

  return klynge_programme_set_name (programme, "Innovations\001kraft", error);
}

static gboolean
programme_ending_before_it_starts (GError **error)
{
  g_autoptr(KlyngeProgramme) programme = new_cluster_programme ();
  gboolean ok = klynge_programme_set_dates (programme, &d2021, &(KlyngeDate) { 2020, 0, 0 }, error);

  ck_assert (!klynge_date_is_set (klynge_programme_get_start (programme)));
  return ok;
}

static gboolean
programme_starting_on_a_day_that_does_not_exist (GError **error)
{
  g_autoptr(KlyngeProgramme) programme = new_cluster_programme ();

  return klynge_programme_set_dates (programme, &(KlyngeDate) { 2021, 2, 30 }, NULL, error);
}

static KlyngeEnvelope *
try_envelope (const char *source,
              KlyngeDate  start,
              KlyngeDate  end,
              gint64      amount,
              GError    **error)
{
  KlyngePeriod period = { start, end };

  return klynge_envelope_new (source, &period, amount, error);
}

static gboolean
envelope_with_a_bad_source_id (GError **error)
{
  return try_envelope ("1deb", d2021, d2021_end, 1, error) != NULL;
}

static gboolean
envelope_ending_before_it_starts (GError **error)
{
  return try_envelope ("deb", d2021_end, d2021, 1, error) != NULL;
}

static gboolean
envelope_without_an_end (GError **error)
{
  return try_envelope ("deb", d2021, (KlyngeDate) { 0, }, 1, error) != NULL;
}

static gboolean
envelope_with_a_negative_amount (GError **error)
{
  return try_envelope ("deb", d2021, d2021_end, -1, error) != NULL;
}

static gboolean
designation_with_a_bad_organisation_id (GError **error)
{
  return klynge_designation_new ("e c d", KLYNGE_DESIGNATION_ROLE_OTHER, NULL, &d2021, NULL, error) != NULL;
}

static gboolean
designation_with_an_empty_area (GError **error)
{
  return klynge_designation_new ("ecd", KLYNGE_DESIGNATION_ROLE_OTHER, "", &d2021, NULL, error) != NULL;
}

static gboolean
designation_without_a_start (GError **error)
{
  return klynge_designation_new ("ecd", KLYNGE_DESIGNATION_ROLE_OTHER, NULL,
                                 &(KlyngeDate) { 0, }, NULL, error) != NULL;
}

static gboolean
designation_ending_before_it_starts (GError **error)
{
  return klynge_designation_new ("ecd", KLYNGE_DESIGNATION_ROLE_OTHER, NULL,
                                 &d2021_end, &d2021, error) != NULL;
}

static gboolean
designation_starting_on_a_day_that_does_not_exist (GError **error)
{
  return klynge_designation_new ("ecd", KLYNGE_DESIGNATION_ROLE_OTHER, NULL,
                                 &(KlyngeDate) { 2021, 2, 30 }, NULL, error) != NULL;
}

static gboolean
contract_naming_a_programme_by_a_bad_id (GError **error)
{
  KlyngePeriod period = { d2021, d2021_end };
  g_autoptr(KlyngeContract) contract = klynge_contract_new ("c", "ecd", &period, 100);
  gboolean ok = klynge_contract_set_programme (contract, "klynge program", error);

  ck_assert_ptr_null (klynge_contract_get_programme (contract));
  return ok;
}

static const Refusal refusals[] = {
  { "programme: empty name", programme_empty_name, KLYNGE_ERROR_BAD_VALUE },
  { "programme: control character in the name", programme_name_with_control_character, KLYNGE_ERROR_ENCODING },
  { "programme: end before start", programme_ending_before_it_starts, KLYNGE_ERROR_BAD_PERIOD },
  { "programme: 30 February", programme_starting_on_a_day_that_does_not_exist, KLYNGE_ERROR_BAD_DATE },
  { "envelope: bad source id", envelope_with_a_bad_source_id, KLYNGE_ERROR_BAD_ID },
  { "envelope: end before start", envelope_ending_before_it_starts, KLYNGE_ERROR_BAD_PERIOD },
  { "envelope: no end", envelope_without_an_end, KLYNGE_ERROR_BAD_PERIOD },
  { "envelope: negative amount", envelope_with_a_negative_amount, KLYNGE_ERROR_BAD_MONEY },
  { "designation: bad organisation id", designation_with_a_bad_organisation_id, KLYNGE_ERROR_BAD_ID },
  { "designation: empty area", designation_with_an_empty_area, KLYNGE_ERROR_BAD_VALUE },
  { "designation: no start", designation_without_a_start, KLYNGE_ERROR_BAD_PERIOD },
  { "designation: end before start", designation_ending_before_it_starts, KLYNGE_ERROR_BAD_PERIOD },
  { "designation: 30 February", designation_starting_on_a_day_that_does_not_exist, KLYNGE_ERROR_BAD_DATE },
  { "contract: programme not an id", contract_naming_a_programme_by_a_bad_id, KLYNGE_ERROR_BAD_ID },
};

START_TEST (test_programme_values_are_refused_with_their_code)
{
  const Refusal *refusal = &refusals[_i];
  GError *error = NULL;

  ck_assert_msg (!refusal->attempt (&error), "%s: accepted", refusal->what);
  ck_assert_msg (error != NULL && error->code == (int) refusal->code,
                 "%s: expected code %d, got %d", refusal->what, refusal->code,
                 error ? error->code : -1);
  g_clear_error (&error);
}
END_TEST

/* --- in a landscape ---------------------------------------------------------- */

static KlyngeLandscape *
landscape_with_deb_ecd_and_programme (void)
{
  KlyngeLandscape *landscape = klynge_landscape_new ();
  g_autoptr(KlyngeFundingSource) deb =
    klynge_funding_source_new ("deb", KLYNGE_FUNDING_SOURCE_KIND_NATIONAL_AGENCY, "DEB");
  g_autoptr(KlyngeOrganisation) ecd =
    klynge_organisation_new ("ecd", KLYNGE_ORGANISATION_KIND_CLUSTER, "Energy Cluster Denmark");
  g_autoptr(KlyngeProgramme) programme = new_cluster_programme ();
  g_autoptr(KlyngeEnvelope) envelope = new_envelope ("deb", 2021, 8000000000);
  g_autoptr(KlyngeDesignation) designation = new_designation ("ecd");
  g_autoptr(GError) error = NULL;

  ck_assert (klynge_programme_add_envelope (programme, envelope, &error));
  ck_assert (klynge_programme_add_designation (programme, designation, &error));
  ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (deb), &error));
  ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (ecd), &error));
  ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (programme), &error));
  ck_assert_no_error (error);
  return landscape;
}

START_TEST (test_landscape_lists_programmes_in_order_and_refuses_unknown_references)
{
  g_autoptr(KlyngeLandscape) landscape = landscape_with_deb_ecd_and_programme ();
  g_autoptr(KlyngeProgramme) other =
    klynge_programme_new ("pulje", KLYNGE_PROGRAMME_KIND_TRANSITION_POOL, "Omstillingspulje");
  g_autoptr(KlyngeProgramme) stray =
    klynge_programme_new ("stray", KLYNGE_PROGRAMME_KIND_OTHER, "Stray");
  g_autoptr(KlyngeDesignation) nobody = new_designation ("nobody");
  g_autoptr(KlyngeDesignation) funder = new_designation ("deb");
  g_autoptr(GPtrArray) programmes = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;

  ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (other), &error));
  ck_assert_no_error (error);
  programmes = klynge_landscape_get_programmes (landscape);
  ck_assert_uint_eq (programmes->len, 2);
  ck_assert_str_eq (klynge_record_get_id (g_ptr_array_index (programmes, 0)), "klyngeprogram-2021");
  ck_assert_str_eq (klynge_record_get_id (g_ptr_array_index (programmes, 1)), "pulje");
  listed = klynge_landscape_list (landscape, KLYNGE_TYPE_PROGRAMME);
  ck_assert_uint_eq (listed->len, 2);
  ck_assert_uint_eq (klynge_landscape_count (landscape, KLYNGE_TYPE_PROGRAMME), 2);
  ck_assert_uint_eq (klynge_landscape_count (landscape, KLYNGE_TYPE_RECORD), 4);

  ck_assert (klynge_programme_add_designation (stray, nobody, &error));
  ck_assert (!klynge_landscape_add (landscape, KLYNGE_RECORD (stray), &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_UNRESOLVED_REFERENCE);
  klynge_programme_clear_designations (stray);
  ck_assert (klynge_programme_add_designation (stray, funder, &error));
  ck_assert (!klynge_landscape_add (landscape, KLYNGE_RECORD (stray), &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_WRONG_REFERENCE_KIND);
}
END_TEST

START_TEST (test_programme_named_by_a_contract_cannot_be_removed)
{
  g_autoptr(KlyngeLandscape) landscape = landscape_with_deb_ecd_and_programme ();
  KlyngePeriod period = { d2021, d2021_end };
  g_autoptr(KlyngeContract) contract = klynge_contract_new ("ecd-2021", "ecd", &period, 100000);
  g_autoptr(KlyngeShare) share = klynge_share_new ("deb", 10000, NULL);
  g_autoptr(GPtrArray) referrers = NULL;
  g_autoptr(GError) error = NULL;

  ck_assert (klynge_contract_add_share (contract, share, &error));
  ck_assert (klynge_contract_set_programme (contract, "klyngeprogram-2021", &error));
  ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (contract), &error));
  ck_assert_no_error (error);

  referrers = klynge_landscape_list_referrers (landscape, "klyngeprogram-2021");
  ck_assert_uint_eq (referrers->len, 1);
  ck_assert_ptr_eq (g_ptr_array_index (referrers, 0), contract);
  ck_assert (!klynge_landscape_remove (landscape, "klyngeprogram-2021", &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_REFERENCED);
  /* the programme names ecd and deb */
  ck_assert (!klynge_landscape_remove (landscape, "deb", &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_REFERENCED);

  ck_assert (klynge_contract_set_programme (contract, NULL, &error));
  ck_assert (klynge_landscape_remove (landscape, "klyngeprogram-2021", &error));
  ck_assert_no_error (error);
  ck_assert_uint_eq (klynge_landscape_count (landscape, KLYNGE_TYPE_PROGRAMME), 0);
}
END_TEST

/* --- format version 2 --------------------------------------------------------- */

/* Canonical, so that it saves back byte for byte; line numbers matter to
 * the bad documents below. */
static const char v2_document[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                   /*  1 */
  "<landscape xmlns=\"urn:klynge:landscape:1\" version=\"2\">\n"                  /*  2 */
  "  <funding-sources>\n"                                                        /*  3 */
  "    <funding-source id=\"deb\" kind=\"national-agency\">\n"                    /*  4 */
  "      <name>Danmarks Erhvervsfremmebestyrelse</name>\n"                       /*  5 */
  "    </funding-source>\n"                                                      /*  6 */
  "  </funding-sources>\n"                                                       /*  7 */
  "  <organisations>\n"                                                          /*  8 */
  "    <organisation id=\"ecd\" kind=\"cluster\">\n"                              /*  9 */
  "      <name>Energy Cluster Denmark</name>\n"                                  /* 10 */
  "    </organisation>\n"                                                        /* 11 */
  "    <organisation id=\"ced\" kind=\"support-body\">\n"                         /* 12 */
  "      <name>Cluster Excellence Denmark</name>\n"                              /* 13 */
  "    </organisation>\n"                                                        /* 14 */
  "  </organisations>\n"                                                         /* 15 */
  "  <contracts>\n"                                                              /* 16 */
  "    <contract id=\"ced-2021\" holder=\"ced\" start=\"2021-01-01\" end=\"2021-12-31\" "
  "amount=\"4000000.00\" programme=\"klyngeprogram-2021\">\n"                     /* 17 */
  "      <share source=\"deb\" percent=\"100\"/>\n"                               /* 18 */
  "    </contract>\n"                                                            /* 19 */
  "  </contracts>\n"                                                             /* 20 */
  "  <programmes>\n"                                                             /* 21 */
  "    <programme id=\"klyngeprogram-2021\" kind=\"cluster-programme\" start=\"2021-01-01\" "
  "end=\"2024-12-31\">\n"                                                        /* 22 */
  "      <name>Innovationskraft</name>\n"                                        /* 23 */
  "      <envelope source=\"deb\" start=\"2021-01-01\" end=\"2021-12-31\" amount=\"80000000.00\"/>\n" /* 24 */
  "      <envelope source=\"deb\" start=\"2022\" end=\"2022\" amount=\"75000000\"/>\n" /* 25 */
  "      <designation organisation=\"ecd\" role=\"national-cluster\" area=\"Energiteknologi\" "
  "start=\"2021-01-01\" end=\"2024-12-31\"/>\n"                                   /* 26 */
  "      <designation organisation=\"ced\" role=\"support-body\" start=\"2021-01\"/>\n" /* 27 */
  "      <source href=\"https://example.org/klyngeprogram\"/>\n"                  /* 28 */
  "      <note>Designations from the call of 2020.</note>\n"                      /* 29 */
  "    </programme>\n"                                                           /* 30 */
  "  </programmes>\n"                                                            /* 31 */
  "</landscape>\n";                                                              /* 32 */

/* @document with each of @replacements (pairs of old and new text, each
 * old text found exactly once) applied in turn. */
static GBytes *
edited_document (const char         *document,
                 const char * const *replacements)
{
  GString *text = g_string_new (document);

  for (guint i = 0; replacements[i] != NULL; i += 2)
    {
      const char *at = strstr (text->str, replacements[i]);

      ck_assert_msg (at != NULL, "“%s” is not in the document", replacements[i]);
      ck_assert_msg (strstr (at + 1, replacements[i]) == NULL, "“%s” is there twice", replacements[i]);
      g_string_replace (text, replacements[i], replacements[i + 1], 1);
    }
  return g_string_free_to_bytes (text);
}

static KlyngeLandscape *
load_text (const char  *document,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (document, strlen (document));

  return klynge_landscape_load_bytes (bytes, "test.xml", NULL, error);
}

static void
assert_saves_as (KlyngeLandscape *landscape,
                 const char      *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) saved = klynge_landscape_save_bytes (landscape, &error);
  g_autofree char *text = NULL;

  ck_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));
  ck_assert_str_eq (text, expected);
}

START_TEST (test_v2_document_loads_programmes_envelopes_and_designations_with_lines)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLandscape) landscape = load_text (v2_document, &error);
  g_autoptr(GPtrArray) programmes = NULL;
  KlyngeProgramme *programme;
  KlyngeContract *contract;
  KlyngeEnvelope *envelope;
  KlyngeDesignation *designation;
  GPtrArray *envelopes, *designations;
  g_autofree char *start = NULL;

  ck_assert_no_error (error);
  programmes = klynge_landscape_get_programmes (landscape);
  ck_assert_uint_eq (programmes->len, 1);
  programme = g_ptr_array_index (programmes, 0);
  ck_assert_str_eq (klynge_programme_get_name (programme), "Innovationskraft");
  ck_assert_int_eq (klynge_programme_get_kind (programme), KLYNGE_PROGRAMME_KIND_CLUSTER_PROGRAMME);
  ck_assert (klynge_date_equal (klynge_programme_get_end (programme), &d2024_end));
  ck_assert_uint_eq (klynge_record_get_line (KLYNGE_RECORD (programme)), 22);
  ck_assert_str_eq (klynge_record_get_note (KLYNGE_RECORD (programme)), "Designations from the call of 2020.");

  envelopes = klynge_programme_get_envelopes (programme);
  ck_assert_uint_eq (envelopes->len, 2);
  envelope = g_ptr_array_index (envelopes, 1);
  ck_assert_str_eq (klynge_envelope_get_source (envelope), "deb");
  ck_assert_int_eq (klynge_envelope_get_amount (envelope), G_GINT64_CONSTANT (7500000000));
  ck_assert_uint_eq (klynge_envelope_get_line (g_ptr_array_index (envelopes, 0)), 24);
  ck_assert_uint_eq (klynge_envelope_get_line (envelope), 25);

  designations = klynge_programme_get_designations (programme);
  ck_assert_uint_eq (designations->len, 2);
  designation = g_ptr_array_index (designations, 1);
  ck_assert_str_eq (klynge_designation_get_organisation (designation), "ced");
  ck_assert_int_eq (klynge_designation_get_role (designation), KLYNGE_DESIGNATION_ROLE_SUPPORT_BODY);
  ck_assert_ptr_null (klynge_designation_get_area (designation));
  start = klynge_date_to_string (klynge_designation_get_start (designation));
  ck_assert_str_eq (start, "2021-01");
  ck_assert_str_eq (klynge_designation_get_programme (designation), "klyngeprogram-2021");
  ck_assert_uint_eq (klynge_designation_get_line (g_ptr_array_index (designations, 0)), 26);
  ck_assert_uint_eq (klynge_designation_get_line (designation), 27);

  contract = KLYNGE_CONTRACT (klynge_landscape_lookup (landscape, "ced-2021"));
  ck_assert_str_eq (klynge_contract_get_programme (contract), "klyngeprogram-2021");
}
END_TEST

START_TEST (test_v2_document_saves_back_byte_for_byte)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLandscape) landscape = load_text (v2_document, &error);

  ck_assert_no_error (error);
  assert_saves_as (landscape, v2_document);
}
END_TEST

/* The document without anything of version 2. */
static const char * const to_version_1[] = {
  "version=\"2\"", "version=\"1\"",
  " programme=\"klyngeprogram-2021\"", "",
  NULL
};

static char *
v1_document (void)
{
  g_autoptr(GBytes) bytes = edited_document (v2_document, to_version_1);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  char *programmes = strstr (text, "  <programmes>\n");
  const char *after = strstr (text, "  </programmes>\n") + strlen ("  </programmes>\n");

  memmove (programmes, after, strlen (after) + 1);
  return g_steal_pointer (&text);
}

START_TEST (test_v1_document_saves_as_version_1_byte_for_byte)
{
  g_autofree char *document = v1_document ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLandscape) landscape = load_text (document, &error);

  ck_assert_no_error (error);
  ck_assert_ptr_null (strstr (document, "programme"));
  assert_saves_as (landscape, document);
}
END_TEST

START_TEST (test_naming_a_programme_makes_the_save_version_2_and_clearing_it_version_1)
{
  g_autofree char *document = v1_document ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLandscape) landscape = load_text (document, &error);
  g_autoptr(KlyngeProgramme) programme = new_cluster_programme ();
  g_autoptr(GBytes) saved = NULL;
  KlyngeContract *contract;

  ck_assert_no_error (error);
  ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (programme), &error));
  contract = KLYNGE_CONTRACT (klynge_landscape_lookup (landscape, "ced-2021"));
  ck_assert (klynge_contract_set_programme (contract, "klyngeprogram-2021", &error));
  saved = klynge_landscape_save_bytes (landscape, &error);
  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (g_strstr_len (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved),
                                       "version=\"2\">\n"));
  ck_assert_ptr_nonnull (g_strstr_len (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved),
                                       "amount=\"4000000.00\" programme=\"klyngeprogram-2021\">\n"));

  ck_assert (klynge_contract_set_programme (contract, NULL, &error));
  ck_assert (klynge_landscape_remove (landscape, "klyngeprogram-2021", &error));
  ck_assert_no_error (error);
  assert_saves_as (landscape, document);
}
END_TEST

START_TEST (test_empty_landscape_saves_as_version_1)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new ();

  assert_saves_as (landscape, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                              "<landscape xmlns=\"urn:klynge:landscape:1\" version=\"1\"/>\n");
}
END_TEST

typedef struct {
  const char *what;
  const char *replacements[5];
  KlyngeError code;
  guint line;
} BadDocument;

static const BadDocument bad_documents[] = {
  { "a designation role that is not one",
    { "role=\"national-cluster\"", "role=\"national\"" }, KLYNGE_ERROR_BAD_ENUM, 26 },
  { "a programme kind that is not one",
    { "kind=\"cluster-programme\"", "kind=\"cluster\"" }, KLYNGE_ERROR_BAD_ENUM, 22 },
  { "an envelope amount that is not money",
    { "amount=\"80000000.00\"", "amount=\"80 mio.\"" }, KLYNGE_ERROR_BAD_MONEY, 24 },
  { "an envelope ending before it starts",
    { "start=\"2022\" end=\"2022\"", "start=\"2022\" end=\"2021\"" }, KLYNGE_ERROR_BAD_PERIOD, 25 },
  { "an envelope overlapping another of its source",
    { "start=\"2022\" end=\"2022\"", "start=\"2021-07\" end=\"2022\"" }, KLYNGE_ERROR_INCONSISTENT, 25 },
  { "an envelope whose source is an organisation",
    { "<envelope source=\"deb\" start=\"2021-01-01\"", "<envelope source=\"ecd\" start=\"2021-01-01\"" },
    KLYNGE_ERROR_WRONG_REFERENCE_KIND, 24 },
  { "an envelope without an amount",
    { " amount=\"75000000\"", "" }, KLYNGE_ERROR_MISSING_ATTRIBUTE, 25 },
  { "a designation of an unknown organisation",
    { "organisation=\"ced\"", "organisation=\"nobody\"" }, KLYNGE_ERROR_UNRESOLVED_REFERENCE, 27 },
  { "a designation of a funding source",
    { "organisation=\"ced\"", "organisation=\"deb\"" }, KLYNGE_ERROR_WRONG_REFERENCE_KIND, 27 },
  { "a designation without a start",
    { " start=\"2021-01\"", "" }, KLYNGE_ERROR_MISSING_ATTRIBUTE, 27 },
  { "a designation with an empty area",
    { "area=\"Energiteknologi\"", "area=\"\"" }, KLYNGE_ERROR_BAD_VALUE, 26 },
  { "a programme without a name",
    { "      <name>Innovationskraft</name>\n", "" }, KLYNGE_ERROR_MISSING_ELEMENT, 22 },
  { "a designation before an envelope",
    { "      <envelope source=\"deb\" start=\"2022\" end=\"2022\" amount=\"75000000\"/>\n", "",
      "      <source href", "      <envelope source=\"deb\" start=\"2022\" end=\"2022\" amount=\"75000000\"/>\n"
                            "      <source href" },
    KLYNGE_ERROR_UNKNOWN_ELEMENT, 27 },
  { "a contract naming an unknown programme",
    { "programme=\"klyngeprogram-2021\">", "programme=\"klyngeprogram-2025\">" },
    KLYNGE_ERROR_UNRESOLVED_REFERENCE, 17 },
  { "a contract naming an organisation as its programme",
    { "programme=\"klyngeprogram-2021\">", "programme=\"ecd\">" }, KLYNGE_ERROR_WRONG_REFERENCE_KIND, 17 },
  { "the programme attribute on a contract in version 1",
    { "version=\"2\"", "version=\"1\"" }, KLYNGE_ERROR_UNKNOWN_ATTRIBUTE, 17 },
  { "a programme element in version 1",
    { "version=\"2\"", "version=\"1\"", " programme=\"klyngeprogram-2021\"", "" },
    KLYNGE_ERROR_UNKNOWN_ELEMENT, 21 },
  { "version 3",
    { "version=\"2\"", "version=\"3\"" }, KLYNGE_ERROR_UNSUPPORTED_VERSION, 2 },
};

START_TEST (test_bad_v2_document_fails_with_its_code_and_line)
{
  const BadDocument *bad = &bad_documents[_i];
  g_autoptr(GBytes) bytes = edited_document (v2_document, bad->replacements);
  g_autoptr(KlyngeProblem) problem = NULL;
  g_autoptr(KlyngeLandscape) landscape =
    klynge_landscape_load_bytes_with_problem (bytes, "test.xml", NULL, &problem);

  ck_assert_msg (landscape == NULL, "%s: loaded", bad->what);
  ck_assert_msg (klynge_problem_get_code (problem) == (int) bad->code,
                 "%s: expected code %d, got %d: %s", bad->what, bad->code,
                 klynge_problem_get_code (problem), klynge_problem_get_message (problem));
  ck_assert_msg (klynge_problem_get_line (problem) == bad->line,
                 "%s: expected line %u, got %u: %s", bad->what, bad->line,
                 klynge_problem_get_line (problem), klynge_problem_get_message (problem));
}
END_TEST

START_TEST (test_version_1_refusals_say_version_2_is_needed)
{
  static const char * const attribute_only[] = { "version=\"2\"", "version=\"1\"", NULL };
  g_autoptr(GBytes) bytes = edited_document (v2_document, attribute_only);
  g_autoptr(GBytes) element_bytes = edited_document (v2_document, to_version_1);
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_load_bytes (bytes, "test.xml", NULL, &error);

  ck_assert_ptr_null (landscape);
  ck_assert_msg (strstr (error->message, "“programme” of <contract> needs version=\"2\"") != NULL,
                 "%s", error->message);
  g_clear_error (&error);
  ck_assert_ptr_null (klynge_landscape_load_bytes (element_bytes, "test.xml", NULL, &error));
  ck_assert_msg (strstr (error->message, "<programmes> needs version=\"2\"") != NULL, "%s", error->message);
}
END_TEST

static Suite *
programme_suite (void)
{
  Suite *suite = suite_create ("programme");
  TCase *tc;

  tc = tcase_create ("enums");
  tcase_add_loop_test (tc, test_programme_enum_nicks_are_the_format_values, 0, G_N_ELEMENTS (nick_cases));
  tcase_add_test (tc, test_programme_enums_have_four_values_each);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("record");
  tcase_add_test (tc, test_programme_new_has_no_dates_envelopes_or_designations);
  tcase_add_test (tc, test_programme_properties_round_trip);
  tcase_add_test (tc, test_programme_envelopes_and_designations_keep_insertion_order);
  tcase_add_test (tc, test_designation_knows_its_programme_and_refuses_a_second);
  tcase_add_test (tc, test_envelope_overlapping_one_of_the_same_source_is_refused);
  tcase_add_test (tc, test_envelope_amount_in_period_is_pro_rated_by_days);
  tcase_add_test (tc, test_designation_is_active_from_its_start_through_its_end);
  tcase_add_loop_test (tc, test_programme_values_are_refused_with_their_code, 0, G_N_ELEMENTS (refusals));
  suite_add_tcase (suite, tc);

  tc = tcase_create ("landscape");
  tcase_add_test (tc, test_landscape_lists_programmes_in_order_and_refuses_unknown_references);
  tcase_add_test (tc, test_programme_named_by_a_contract_cannot_be_removed);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("format");
  tcase_add_test (tc, test_v2_document_loads_programmes_envelopes_and_designations_with_lines);
  tcase_add_test (tc, test_v2_document_saves_back_byte_for_byte);
  tcase_add_test (tc, test_v1_document_saves_as_version_1_byte_for_byte);
  tcase_add_test (tc, test_naming_a_programme_makes_the_save_version_2_and_clearing_it_version_1);
  tcase_add_test (tc, test_empty_landscape_saves_as_version_1);
  tcase_add_loop_test (tc, test_bad_v2_document_fails_with_its_code_and_line, 0, G_N_ELEMENTS (bad_documents));
  tcase_add_test (tc, test_version_1_refusals_say_version_2_is_needed);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  return klynge_test_run (programme_suite ());
}
