/* test-consolidation.c: applying mergers, lineage, views, member overlap
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "klynge-test.h"

static KlyngeOrganisation *
add_org (KlyngeLandscape *landscape,
         const char      *id,
         const char      *founded,
         const char      *dissolved)
{
  g_autoptr(KlyngeOrganisation) organisation = klynge_organisation_new (id, KLYNGE_ORGANISATION_KIND_CLUSTER, id);
  g_autoptr(GError) error = NULL;
  KlyngeDate f, d;

  if (founded != NULL)
    {
      f = klynge_test_date (founded);
      ck_assert (klynge_organisation_set_founded (organisation, &f, &error));
    }
  if (dissolved != NULL)
    {
      d = klynge_test_date (dissolved);
      ck_assert (klynge_organisation_set_dissolved (organisation, &d, &error));
    }
  ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (organisation), &error));
  ck_assert_no_error (error);
  return organisation;
}

static void
add_member (KlyngeLandscape *landscape,
            const char      *id)
{
  g_autoptr(KlyngeMember) member = klynge_member_new (id, KLYNGE_MEMBER_KIND_COMPANY, id);
  g_autoptr(GError) error = NULL;

  ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (member), &error));
  ck_assert_no_error (error);
}

static void
add_contract (KlyngeLandscape *landscape,
              const char      *id,
              const char      *holder,
              const char      *start,
              const char      *end,
              gint64           amount)
{
  g_autoptr(GError) error = NULL;
  KlyngeDate s = klynge_test_date (start), e = klynge_test_date (end);
  g_autoptr(KlyngePeriod) period = klynge_period_new (&s, &e, &error);
  g_autoptr(KlyngeContract) contract = klynge_contract_new (id, holder, period, amount);
  g_autoptr(KlyngeShare) share = klynge_share_new ("fund", 10000, &error);

  ck_assert_no_error (error);
  ck_assert (klynge_contract_add_share (contract, share, &error));
  ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (contract), &error));
  ck_assert_no_error (error);
}

static KlyngeMerger *
add_merger (KlyngeLandscape   *landscape,
            const char        *id,
            KlyngeMergerKind   kind,
            const char        *successor,
            const char        *effective,
            const char * const *predecessors)
{
  KlyngeDate e = klynge_test_date (effective);
  KlyngeMerger *merger = klynge_merger_new (id, kind, successor, &e);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; predecessors[i] != NULL; i++)
    ck_assert (klynge_merger_add_predecessor (merger, predecessors[i], &error));
  if (landscape != NULL)
    {
      ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (merger), &error));
      ck_assert_no_error (error);
    }
  return merger;
}

/* A small landscape: clusters a and b to merge into ab on 2024-01-01,
 * with members m1..m5 and contracts. */
static KlyngeLandscape *
synthetic_landscape (void)
{
  KlyngeLandscape *landscape = klynge_landscape_new ();
  g_autoptr(KlyngeFundingSource) fund = klynge_funding_source_new ("fund", KLYNGE_FUNDING_SOURCE_KIND_NATIONAL_AGENCY, "Fund");
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLocation) aalborg = klynge_location_new ("Aalborg", NULL, "secretariat", &error);
  g_autoptr(KlyngeLocation) odense = klynge_location_new ("Odense", NULL, NULL, &error);
  KlyngeOrganisation *a, *b;

  ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (fund), &error));
  for (guint i = 1; i <= 5; i++)
    {
      g_autofree char *id = g_strdup_printf ("m%u", i);
      add_member (landscape, id);
    }
  a = add_org (landscape, "a", "2010", NULL);
  b = add_org (landscape, "b", "2012-03-01", NULL);
  add_org (landscape, "ab", NULL, NULL);
  ck_assert (klynge_organisation_add_focus_area (a, "energy", &error));
  ck_assert (klynge_organisation_add_focus_area (b, "water", &error));
  ck_assert (klynge_organisation_add_focus_area (b, "energy", &error));
  ck_assert (klynge_organisation_add_focus_area_in_scheme (b, "klyngeprogram-2021", "Turisme", &error));
  klynge_organisation_add_location (a, aalborg);
  klynge_organisation_add_location (b, aalborg);
  klynge_organisation_add_location (b, odense);

  klynge_test_add_membership (landscape, "a", "m1", "2015", NULL);
  klynge_test_add_membership (landscape, "b", "m1", "2013-05-01", "2030-12-31");
  klynge_test_add_membership (landscape, "a", "m2", "2016-01-01", NULL);
  klynge_test_add_membership (landscape, "b", "m3", "2014-01-01", "2019-12-31");   /* ended: not carried */
  klynge_test_add_membership (landscape, "b", "m4", NULL, NULL);                   /* since unknown */
  klynge_test_add_membership (landscape, "a", "m4", "2020-02-02", NULL);
  klynge_test_add_membership (landscape, "a", "m5", "2024-06-01", NULL);           /* begins after the merger */

  add_contract (landscape, "a-old", "a", "2018-01-01", "2019-12-31", 100000);
  add_contract (landscape, "a-now", "a", "2023-01-01", "2025-12-31", 300000);
  add_contract (landscape, "b-last", "b", "2023-01-01", "2023-12-31", 200000);
  add_contract (landscape, "b-next", "b", "2024-01-01", "2024-12-31", 200000);
  return landscape;
}

static GBytes *
save (KlyngeLandscape *landscape)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = klynge_landscape_save_bytes (landscape, &error);

  ck_assert_no_error (error);
  ck_assert (bytes != NULL);
  return bytes;
}

static gboolean
has_problem (GPtrArray *problems,
             int        code)
{
  for (guint i = 0; i < problems->len; i++)
    if (klynge_problem_get_code (g_ptr_array_index (problems, i)) == code)
      return TRUE;
  return FALSE;
}

static const char *
resolve (KlyngeLandscape *landscape,
         const char      *id,
         const char      *on)
{
  KlyngeDate date = klynge_test_date (on);
  return klynge_landscape_resolve_on (landscape, id, &date);
}

/* --- built-in data ------------------------------------------------------- */

/* House of Energy and Energy Innovation Cluster merged into ECD; CLEAN,
 * which lived on, transferred its energy activities to it (facts §10.4). */
START_TEST (test_energy_cluster_denmark_was_formed_by_two_and_given_cleans_energy_on_2020_07_01)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new_default ();
  g_autoptr(GPtrArray) ancestors = klynge_landscape_list_ancestors (landscape, "ecd");
  g_autoptr(GPtrArray) descendants = klynge_landscape_list_descendants (landscape, "ecd");
  const char *expected[] = { "house-of-energy", "eic", "clean" };
  const char *events[] = { "merger-2020-ecd", "merger-2020-ecd", "transfer-2020-clean-ecd" };
  const KlyngeMergerKind kinds[] = { KLYNGE_MERGER_KIND_MERGER, KLYNGE_MERGER_KIND_MERGER, KLYNGE_MERGER_KIND_TRANSFER };

  /* CLEAN's own predecessors of 2014 follow at depth 2 */
  ck_assert_uint_eq (ancestors->len, 5);
  for (guint i = 0; i < 3; i++)
    {
      KlyngeLineageLink *link = g_ptr_array_index (ancestors, i);
      g_autofree char *effective = klynge_date_to_string (klynge_lineage_link_get_effective (link));

      ck_assert_str_eq (klynge_lineage_link_get_organisation (link), expected[i]);
      ck_assert_str_eq (klynge_lineage_link_get_merger (link), events[i]);
      ck_assert_int_eq (klynge_lineage_link_get_kind (link), kinds[i]);
      ck_assert_str_eq (klynge_lineage_link_get_via (link), "ecd");
      ck_assert_str_eq (effective, "2020-07-01");
      ck_assert_uint_eq (klynge_lineage_link_get_depth (link), 1);
    }
  ck_assert_uint_eq (klynge_lineage_link_get_depth (g_ptr_array_index (ancestors, 3)), 2);
  ck_assert_uint_eq (descendants->len, 0);
}
END_TEST

START_TEST (test_eic_was_itself_on_2020_06_30_and_ecd_on_2020_12_31_while_clean_lives_on)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new_default ();
  KlyngeDate d = klynge_test_date ("2020-12-31");
  const char *merged_into = NULL;

  ck_assert_str_eq (resolve (landscape, "eic", "2020-06-30"), "eic");
  ck_assert_str_eq (resolve (landscape, "eic", "2020-12-31"), "ecd");
  ck_assert_int_eq (klynge_landscape_get_status (landscape, "eic", &d, &merged_into),
                    KLYNGE_ORGANISATION_STATUS_MERGED);
  ck_assert_str_eq (merged_into, "ecd");
  /* a transfer's giver stays itself */
  ck_assert_str_eq (resolve (landscape, "clean", "2020-12-31"), "clean");
  ck_assert_int_eq (klynge_landscape_get_status (landscape, "clean", &d, &merged_into),
                    KLYNGE_ORGANISATION_STATUS_ACTIVE);
  ck_assert_ptr_null (merged_into);
  d = klynge_test_date ("2020-06-30");
  ck_assert_int_eq (klynge_landscape_get_status (landscape, "eic", &d, &merged_into),
                    KLYNGE_ORGANISATION_STATUS_ACTIVE);
  ck_assert_ptr_null (merged_into);
  ck_assert_int_eq (klynge_landscape_get_status (landscape, "ecd", &d, NULL),
                    KLYNGE_ORGANISATION_STATUS_NOT_YET_FOUNDED);
  ck_assert_ptr_null (resolve (landscape, "no-such-organisation", "2020-06-30"));
}
END_TEST

START_TEST (test_clean_was_formed_in_2014_from_lean_energy_cluster_and_ccc)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new_default ();
  g_autoptr(GPtrArray) ancestors = klynge_landscape_list_ancestors (landscape, "clean");
  g_autoptr(GPtrArray) descendants = klynge_landscape_list_descendants (landscape, "ccc");
  KlyngeLineageLink *link;
  g_autofree char *effective = NULL;

  ck_assert_uint_eq (ancestors->len, 2);
  ck_assert_str_eq (klynge_lineage_link_get_organisation (g_ptr_array_index (ancestors, 0)), "lean-energy-cluster");
  ck_assert_str_eq (klynge_lineage_link_get_organisation (g_ptr_array_index (ancestors, 1)), "ccc");
  /* and through CLEAN's transfer of 2020, Energy Cluster Denmark */
  ck_assert_uint_eq (descendants->len, 2);
  ck_assert_str_eq (klynge_lineage_link_get_organisation (g_ptr_array_index (descendants, 1)), "ecd");
  link = g_ptr_array_index (descendants, 0);
  effective = klynge_date_to_string (klynge_lineage_link_get_effective (link));
  ck_assert_str_eq (klynge_lineage_link_get_organisation (link), "clean");
  ck_assert_str_eq (klynge_lineage_link_get_merger (link), "merger-2014-clean");
  ck_assert_str_eq (effective, "2014-05-09");
  ck_assert_str_eq (resolve (landscape, "ccc", "2014-05-08"), "ccc");
  ck_assert_str_eq (resolve (landscape, "ccc", "2014-05-09"), "clean");
  ck_assert_str_eq (resolve (landscape, "lean-energy-cluster", "2019-01-01"), "clean");
}
END_TEST

/* The kinds of the built-in events as the sources word them (facts
 * §10.4): MARLOG formed by a merger of three in May 2020 and joined by the
 * innovation network TINV on 1 Jan 2021; the Danish Sound renaming; the
 * parts of Gate 21 and NBE given to We Build Denmark. */
START_TEST (test_builtin_events_have_the_kinds_the_sources_give)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new_default ();
  const struct { const char *id; KlyngeMergerKind kind; const char *effective; } cases[] = {
    { "merger-2020-marlog", KLYNGE_MERGER_KIND_MERGER, "2020-05" },
    { "merger-2021-marlog-tinv", KLYNGE_MERGER_KIND_ABSORPTION, "2021-01-01" },
    { "merger-2019-dsc", KLYNGE_MERGER_KIND_RENAME, "2019-12" },
    { "transfer-2020-clean-ecd", KLYNGE_MERGER_KIND_TRANSFER, "2020-07-01" },
    { "transfer-2021-wbd", KLYNGE_MERGER_KIND_TRANSFER, "2021-01" },
    { "merger-2021-wbd", KLYNGE_MERGER_KIND_MERGER, "2021-01" },
  };
  KlyngeDate d = klynge_test_date ("2021-06-01");

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KlyngeRecord *record = klynge_landscape_lookup (landscape, cases[i].id);
      g_autofree char *effective = NULL;

      ck_assert_msg (KLYNGE_IS_MERGER (record), "%s is missing", cases[i].id);
      effective = klynge_date_to_string (klynge_merger_get_effective (KLYNGE_MERGER (record)));
      ck_assert_int_eq (klynge_merger_get_kind (KLYNGE_MERGER (record)), cases[i].kind);
      ck_assert_str_eq (effective, cases[i].effective);
    }
  ck_assert_str_eq (resolve (landscape, "tinv", "2020-12-31"), "tinv");
  ck_assert_str_eq (resolve (landscape, "tinv", "2021-01-01"), "marlog");
  ck_assert_str_eq (resolve (landscape, "danish-sound-network", "2020-06-12"), "dsc");
  /* a giver is never merged away, whatever else its dates say */
  ck_assert_int_ne (klynge_landscape_get_status (landscape, "gate21", &d, NULL), KLYNGE_ORGANISATION_STATUS_MERGED);
  ck_assert_int_eq (klynge_landscape_get_status (landscape, "clean", &d, NULL), KLYNGE_ORGANISATION_STATUS_ACTIVE);
  ck_assert_ptr_null (klynge_landscape_lookup (landscape, "clean-energi"));
}
END_TEST

START_TEST (test_marlog_ends_in_2022_without_a_successor)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new_default ();
  KlyngeDate d = klynge_test_date ("2023-01-01");
  const char *merged_into = NULL;

  ck_assert_str_eq (resolve (landscape, "mdc", "2021-06-01"), "marlog");
  ck_assert_str_eq (resolve (landscape, "marlog", "2022-01-01"), "marlog");
  ck_assert_ptr_null (resolve (landscape, "marlog", "2023-01-01"));
  ck_assert_ptr_null (resolve (landscape, "mdc", "2023-01-01"));
  ck_assert_int_eq (klynge_landscape_get_status (landscape, "marlog", &d, &merged_into),
                    KLYNGE_ORGANISATION_STATUS_DISSOLVED);
  ck_assert_ptr_null (merged_into);
  ck_assert_int_eq (klynge_landscape_get_status (landscape, "mdc", &d, &merged_into),
                    KLYNGE_ORGANISATION_STATUS_MERGED);
  ck_assert_str_eq (merged_into, "marlog");
}
END_TEST

START_TEST (test_completed_builtin_merger_cannot_be_applied_again)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new_default ();
  KlyngeMerger *merger = KLYNGE_MERGER (klynge_landscape_lookup (landscape, "merger-2020-ecd"));
  g_autoptr(GPtrArray) problems = klynge_landscape_check_merger (landscape, merger);
  g_autoptr(GBytes) before = save (landscape);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;

  ck_assert_int_eq (klynge_problem_get_code (g_ptr_array_index (problems, 0)),
                    KLYNGE_ERROR_MERGER_ALREADY_COMPLETED);
  ck_assert (has_problem (problems, KLYNGE_ERROR_MERGER_PREDECESSOR_INACTIVE));
  ck_assert (!klynge_landscape_apply_merger (landscape, merger, &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_MERGER_ALREADY_COMPLETED);
  after = save (landscape);
  ck_assert (g_bytes_equal (before, after));
}
END_TEST

START_TEST (test_lineage_dot_of_ecd_is_a_stable_digraph)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new_default ();
  g_autofree char *dot = klynge_landscape_lineage_to_dot (landscape, "ecd");
  g_autofree char *again = klynge_landscape_lineage_to_dot (landscape, "ecd");
  g_autofree char *all = klynge_landscape_lineage_to_dot (landscape, NULL);

  ck_assert (g_str_has_prefix (dot, "digraph lineage {\n"));
  ck_assert (strstr (dot, "\"eic\" -> \"ecd\" [label=\"2020-07-01\", tooltip=\"merger-2020-ecd\"]") != NULL);
  ck_assert (strstr (dot, "\"clean\" -> \"ecd\" [label=\"2020-07-01 transfer\", tooltip=\"transfer-2020-clean-ecd\", style=dotted]") != NULL);
  ck_assert (strstr (dot, "\"ecd\" [label=\"Energy Cluster Denmark\\n2020-07-01 –\"") != NULL);
  ck_assert (strstr (dot, "\"marlog\"") == NULL);
  ck_assert_str_eq (dot, again);
  ck_assert (strstr (all, "\"ccc\" -> \"clean\"") != NULL);
  ck_assert (strstr (all, "\"mdc\" -> \"marlog\"") != NULL);
  ck_assert_ptr_null (klynge_landscape_lineage_to_dot (landscape, "siu"));
}
END_TEST

/* Edges come in the order the mergers are reached from the organisation
 * asked about: "m-later" names "a" directly, "m-earlier" only the "x"
 * that "m-later" brings in, so it follows although it is listed first. */
START_TEST (test_lineage_dot_lists_edges_in_the_order_mergers_are_reached)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new ();
  const char *x_into_y[] = { "x", NULL }, *a_into_x[] = { "a", NULL };
  g_autoptr(KlyngeMerger) earlier = NULL, later = NULL;
  g_autofree char *dot = NULL;

  add_org (landscape, "a", NULL, NULL);
  add_org (landscape, "x", NULL, NULL);
  add_org (landscape, "y", NULL, NULL);
  earlier = add_merger (landscape, "m-earlier", KLYNGE_MERGER_KIND_ABSORPTION, "y", "2021-01-01", x_into_y);
  later = add_merger (landscape, "m-later", KLYNGE_MERGER_KIND_ABSORPTION, "x", "2020-01-01", a_into_x);
  klynge_merger_set_status (earlier, KLYNGE_MERGER_STATUS_COMPLETED);
  klynge_merger_set_status (later, KLYNGE_MERGER_STATUS_COMPLETED);

  dot = klynge_landscape_lineage_to_dot (landscape, "a");
  ck_assert_str_eq (dot,
                    "digraph lineage {\n"
                    "  rankdir=LR;\n"
                    "  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n"
                    "  edge [fontname=\"Helvetica\", fontsize=10];\n"
                    "  \"a\" [label=\"a\\n? –\", style=\"rounded,bold\", penwidth=2];\n"
                    "  \"x\" [label=\"x\\n? –\"];\n"
                    "  \"y\" [label=\"y\\n? –\"];\n"
                    "  \"a\" -> \"x\" [label=\"2020-01-01\", tooltip=\"m-later\", style=dashed];\n"
                    "  \"x\" -> \"y\" [label=\"2021-01-01\", tooltip=\"m-earlier\", style=dashed];\n"
                    "}\n");
}
END_TEST

START_TEST (test_view_shows_the_landscape_as_it_stood)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new_default ();
  KlyngeDate d = klynge_test_date ("2020-06-30");
  g_autoptr(KlyngeLandscapeView) view = klynge_landscape_view_new (landscape, &d);
  g_autoptr(GPtrArray) active = klynge_landscape_view_list_organisations (view, NULL);
  KlyngeDate later = klynge_test_date ("2020-07-01");
  g_autoptr(KlyngeLandscapeView) after = klynge_landscape_view_new (landscape, &later);
  gboolean found = FALSE;

  ck_assert_ptr_eq (klynge_landscape_view_get_landscape (view), landscape);
  ck_assert (klynge_date_equal (klynge_landscape_view_get_date (view), &d));
  ck_assert (klynge_landscape_view_is_active (view, "house-of-energy"));
  ck_assert (!klynge_landscape_view_is_active (view, "ecd"));
  ck_assert (!klynge_landscape_view_is_active (after, "house-of-energy"));
  ck_assert (klynge_landscape_view_is_active (after, "clean"));
  ck_assert (klynge_landscape_view_is_active (after, "ecd"));
  ck_assert_uint_eq (active->len, klynge_landscape_view_count_organisations (view));
  for (guint i = 0; i < active->len; i++)
    {
      ck_assert_int_eq (klynge_landscape_view_get_status (view, klynge_record_get_id (g_ptr_array_index (active, i)), NULL),
                        KLYNGE_ORGANISATION_STATUS_ACTIVE);
      found |= strcmp (klynge_record_get_id (g_ptr_array_index (active, i)), "eic") == 0;
    }
  ck_assert (found);
  ck_assert_str_eq (klynge_landscape_view_resolve (after, "eic"), "ecd");
  ck_assert_int_eq (klynge_landscape_view_get_status (after, "eic", NULL), KLYNGE_ORGANISATION_STATUS_MERGED);
}
END_TEST

/* --- applying ------------------------------------------------------------ */

static const KlyngeMembership *
find_membership (GPtrArray  *memberships,
                 const char *member)
{
  for (guint i = 0; i < memberships->len; i++)
    if (strcmp (klynge_membership_get_member (g_ptr_array_index (memberships, i)), member) == 0)
      return g_ptr_array_index (memberships, i);
  return NULL;
}

static char *
date_text (const KlyngeDate *date)
{
  return klynge_date_is_set (date) ? klynge_date_to_string (date) : g_strdup ("-");
}

static void
assert_membership (GPtrArray  *memberships,
                   const char *member,
                   const char *since,
                   const char *until)
{
  const KlyngeMembership *m = find_membership (memberships, member);
  g_autofree char *s = NULL, *u = NULL;

  ck_assert_msg (m != NULL, "no membership of %s", member);
  s = date_text (klynge_membership_get_since (m));
  u = date_text (klynge_membership_get_until (m));
  ck_assert_str_eq (s, since);
  ck_assert_str_eq (u, until);
}

START_TEST (test_merger_creates_the_successor_with_the_union_of_members)
{
  g_autoptr(KlyngeLandscape) landscape = synthetic_landscape ();
  const char *predecessors[] = { "a", "b", NULL };
  g_autoptr(KlyngeMerger) merger = add_merger (landscape, "m-ab", KLYNGE_MERGER_KIND_MERGER, "ab", "2024-01-01", predecessors);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = klynge_landscape_check_merger (landscape, merger);
  g_autoptr(GPtrArray) of_ab = NULL, of_a = NULL, of_b = NULL;
  KlyngeOrganisation *a = KLYNGE_ORGANISATION (klynge_landscape_lookup (landscape, "a"));
  KlyngeOrganisation *ab = KLYNGE_ORGANISATION (klynge_landscape_lookup (landscape, "ab"));
  g_autofree char *dissolved = NULL, *founded = NULL;
  const char * const *areas;
  GPtrArray *locations;

  ck_assert_uint_eq (problems->len, 0);
  ck_assert (klynge_landscape_apply_merger (landscape, merger, &error));
  ck_assert_no_error (error);

  ck_assert_int_eq (klynge_merger_get_status (merger), KLYNGE_MERGER_STATUS_COMPLETED);
  dissolved = klynge_date_to_string (klynge_organisation_get_dissolved (a));
  ck_assert_str_eq (dissolved, "2023-12-31");
  founded = klynge_date_to_string (klynge_organisation_get_founded (ab));
  ck_assert_str_eq (founded, "2024-01-01");

  /* one membership per member: earliest since, latest until; m3 ended */
  of_ab = klynge_landscape_list_memberships_of_organisation (landscape, "ab");
  ck_assert_uint_eq (of_ab->len, 4);
  assert_membership (of_ab, "m1", "2013-05-01", "-");
  assert_membership (of_ab, "m2", "2016-01-01", "-");
  assert_membership (of_ab, "m4", "-", "-");
  assert_membership (of_ab, "m5", "2024-06-01", "-");
  ck_assert_ptr_null (find_membership (of_ab, "m3"));

  /* the predecessors keep their history, ending on their last day */
  of_a = klynge_landscape_list_memberships_of_organisation (landscape, "a");
  ck_assert_uint_eq (of_a->len, 3);
  assert_membership (of_a, "m1", "2015", "2023-12-31");
  ck_assert_ptr_null (find_membership (of_a, "m5"));
  of_b = klynge_landscape_list_memberships_of_organisation (landscape, "b");
  assert_membership (of_b, "m3", "2014-01-01", "2019-12-31");
  assert_membership (of_b, "m1", "2013-05-01", "2023-12-31");
  ck_assert_uint_eq (klynge_landscape_count_memberships (landscape), 4 + 3 + 3);

  /* contracts running on or after the effective date move */
  ck_assert_str_eq (klynge_contract_get_holder (KLYNGE_CONTRACT (klynge_landscape_lookup (landscape, "a-old"))), "a");
  ck_assert_str_eq (klynge_contract_get_holder (KLYNGE_CONTRACT (klynge_landscape_lookup (landscape, "a-now"))), "ab");
  ck_assert_str_eq (klynge_contract_get_holder (KLYNGE_CONTRACT (klynge_landscape_lookup (landscape, "b-last"))), "b");
  ck_assert_str_eq (klynge_contract_get_holder (KLYNGE_CONTRACT (klynge_landscape_lookup (landscape, "b-next"))), "ab");

  areas = klynge_organisation_get_focus_areas (ab);
  ck_assert_uint_eq (g_strv_length ((char **) areas), 3);
  ck_assert_str_eq (areas[0], "energy");
  ck_assert_str_eq (areas[1], "water");
  /* a focus area keeps its scheme */
  ck_assert_str_eq (areas[2], "Turisme");
  ck_assert_str_eq (klynge_organisation_get_focus_area_schemes (ab)[2], "klyngeprogram-2021");
  ck_assert_str_eq (klynge_organisation_get_focus_area_schemes (ab)[1], "other");
  locations = klynge_organisation_get_locations (ab);
  ck_assert_uint_eq (locations->len, 2);
  ck_assert_str_eq (klynge_location_get_city (g_ptr_array_index (locations, 0)), "Aalborg");
  ck_assert_str_eq (klynge_location_get_city (g_ptr_array_index (locations, 1)), "Odense");

  problems = (g_ptr_array_unref (problems), klynge_landscape_validate (landscape));
  ck_assert_uint_eq (problems->len, 0);
  ck_assert_str_eq (resolve (landscape, "a", "2024-01-01"), "ab");
  ck_assert_str_eq (resolve (landscape, "a", "2023-12-31"), "a");
}
END_TEST

/* Replaces @member's memberships of @organisation by one with a role. */
static void
set_membership_full (KlyngeLandscape      *landscape,
                     const char           *organisation,
                     const char           *member,
                     const char           *since,
                     const char           *until,
                     KlyngeMembershipRole  role,
                     KlyngeMembershipEnd   end)
{
  g_autoptr(GError) error = NULL;
  KlyngeDate s = klynge_test_date (since), u = klynge_test_date (until);

  ck_assert (klynge_landscape_remove_membership (landscape, organisation, member, NULL, &error));
  ck_assert (klynge_landscape_add_membership_full (landscape, organisation, member,
                                                   since ? &s : NULL, until ? &u : NULL,
                                                   role, end, &error));
  ck_assert_no_error (error);
}

static void
assert_role_and_end (GPtrArray            *memberships,
                     const char           *member,
                     KlyngeMembershipRole  role,
                     KlyngeMembershipEnd   end)
{
  const KlyngeMembership *m = find_membership (memberships, member);

  ck_assert_msg (m != NULL, "no membership of %s", member);
  ck_assert_msg (klynge_membership_get_role (m) == role, "%s: role %d, not %d",
                 member, klynge_membership_get_role (m), role);
  ck_assert_msg (klynge_membership_get_end (m) == end, "%s: end %d, not %d",
                 member, klynge_membership_get_end (m), end);
}

START_TEST (test_a_merger_ends_the_carried_memberships_as_merged_and_keeps_the_strongest_role)
{
  g_autoptr(KlyngeLandscape) landscape = synthetic_landscape ();
  const char *predecessors[] = { "a", "b", NULL };
  g_autoptr(KlyngeMerger) merger = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) of_ab = NULL, of_a = NULL, of_b = NULL;

  set_membership_full (landscape, "a", "m2", "2016-01-01", NULL,
                       KLYNGE_MEMBERSHIP_ROLE_PARTNER, KLYNGE_MEMBERSHIP_END_NONE);
  set_membership_full (landscape, "b", "m4", NULL, NULL,
                       KLYNGE_MEMBERSHIP_ROLE_PARTICIPANT, KLYNGE_MEMBERSHIP_END_NONE);
  set_membership_full (landscape, "b", "m1", "2013-05-01", "2030-12-31",
                       KLYNGE_MEMBERSHIP_ROLE_PARTICIPANT, KLYNGE_MEMBERSHIP_END_LEFT);
  merger = add_merger (landscape, "m-ab", KLYNGE_MERGER_KIND_MERGER, "ab", "2024-01-01", predecessors);
  ck_assert (klynge_landscape_apply_merger (landscape, merger, &error));
  ck_assert_no_error (error);

  /* the successor carries them on, with their roles; a member of either
   * body (m4: a member of a, a participant in b) is a member of it */
  of_ab = klynge_landscape_list_memberships_of_organisation (landscape, "ab");
  assert_role_and_end (of_ab, "m2", KLYNGE_MEMBERSHIP_ROLE_PARTNER, KLYNGE_MEMBERSHIP_END_NONE);
  assert_role_and_end (of_ab, "m4", KLYNGE_MEMBERSHIP_ROLE_MEMBER, KLYNGE_MEMBERSHIP_END_NONE);
  /* m1: a's, going on, outlasts b's, which would have ended (left) in 2030 */
  assert_membership (of_ab, "m1", "2013-05-01", "-");
  assert_role_and_end (of_ab, "m1", KLYNGE_MEMBERSHIP_ROLE_MEMBER, KLYNGE_MEMBERSHIP_END_NONE);

  /* the predecessors' memberships that went on end on the dissolution,
   * merged; one that had ended keeps no reason, one with a reason keeps it */
  of_a = klynge_landscape_list_memberships_of_organisation (landscape, "a");
  assert_membership (of_a, "m2", "2016-01-01", "2023-12-31");
  assert_role_and_end (of_a, "m2", KLYNGE_MEMBERSHIP_ROLE_PARTNER, KLYNGE_MEMBERSHIP_END_MERGED);
  assert_role_and_end (of_a, "m1", KLYNGE_MEMBERSHIP_ROLE_MEMBER, KLYNGE_MEMBERSHIP_END_MERGED);
  of_b = klynge_landscape_list_memberships_of_organisation (landscape, "b");
  assert_role_and_end (of_b, "m3", KLYNGE_MEMBERSHIP_ROLE_MEMBER, KLYNGE_MEMBERSHIP_END_NONE);
  assert_role_and_end (of_b, "m4", KLYNGE_MEMBERSHIP_ROLE_PARTICIPANT, KLYNGE_MEMBERSHIP_END_MERGED);
  assert_membership (of_b, "m1", "2013-05-01", "2023-12-31");
  assert_role_and_end (of_b, "m1", KLYNGE_MEMBERSHIP_ROLE_PARTICIPANT, KLYNGE_MEMBERSHIP_END_LEFT);
}
END_TEST

START_TEST (test_a_carried_membership_that_outlasts_keeps_its_own_end_reason)
{
  g_autoptr(KlyngeLandscape) landscape = synthetic_landscape ();
  const char *predecessors[] = { "b", NULL };
  g_autoptr(KlyngeMerger) merger = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) of_a = NULL;

  /* m1: a's membership ends in 2026 (left), b's in 2030 (unknown): the
   * carried one is b's until, with b's reason, and a's role */
  set_membership_full (landscape, "a", "m1", "2015", "2026-12-31",
                       KLYNGE_MEMBERSHIP_ROLE_PARTNER, KLYNGE_MEMBERSHIP_END_LEFT);
  set_membership_full (landscape, "b", "m1", "2013-05-01", "2030-12-31",
                       KLYNGE_MEMBERSHIP_ROLE_PARTICIPANT, KLYNGE_MEMBERSHIP_END_UNKNOWN);
  merger = add_merger (landscape, "m-b-into-a", KLYNGE_MERGER_KIND_ABSORPTION, "a", "2024-01-01", predecessors);
  ck_assert (klynge_landscape_apply_merger (landscape, merger, &error));
  ck_assert_no_error (error);

  of_a = klynge_landscape_list_memberships_of_organisation (landscape, "a");
  assert_membership (of_a, "m1", "2013-05-01", "2030-12-31");
  assert_role_and_end (of_a, "m1", KLYNGE_MEMBERSHIP_ROLE_PARTNER, KLYNGE_MEMBERSHIP_END_UNKNOWN);
}
END_TEST

START_TEST (test_absorption_folds_into_an_existing_successor_and_earliest_since_wins)
{
  g_autoptr(KlyngeLandscape) landscape = synthetic_landscape ();
  const char *predecessors[] = { "b", NULL };
  g_autoptr(KlyngeMerger) merger = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) of_a = NULL;
  KlyngeOrganisation *a = KLYNGE_ORGANISATION (klynge_landscape_lookup (landscape, "a"));
  g_autofree char *founded = NULL;

  /* m1: a since 2015, b since 2013-05-01 until 2030-12-31 */
  klynge_test_add_membership (landscape, "a", "m3", "2010", "2012-12-31");   /* a's own history */
  merger = add_merger (landscape, "m-b-into-a", KLYNGE_MERGER_KIND_ABSORPTION, "a", "2024-01-01", predecessors);
  ck_assert (klynge_landscape_apply_merger (landscape, merger, &error));
  ck_assert_no_error (error);

  founded = klynge_date_to_string (klynge_organisation_get_founded (a));
  ck_assert_str_eq (founded, "2010");
  of_a = klynge_landscape_list_memberships_of_organisation (landscape, "a");
  assert_membership (of_a, "m1", "2013-05-01", "-");
  assert_membership (of_a, "m3", "2010", "2012-12-31");
  assert_membership (of_a, "m4", "-", "-");
  ck_assert_uint_eq (of_a->len, 5);   /* m1 m2 m3 m4 m5, each once */
  ck_assert (klynge_organisation_has_focus_area (a, "water"));
  ck_assert (klynge_organisation_has_city (a, "Odense"));
}
END_TEST

START_TEST (test_a_merger_not_yet_in_the_landscape_is_added_when_applied)
{
  g_autoptr(KlyngeLandscape) landscape = synthetic_landscape ();
  const char *predecessors[] = { "a", "b", NULL };
  g_autoptr(KlyngeMerger) merger = add_merger (NULL, "m-new", KLYNGE_MERGER_KIND_MERGER, "ab", "2024-01-01", predecessors);
  g_autoptr(KlyngeMerger) clash = add_merger (NULL, "a", KLYNGE_MERGER_KIND_MERGER, "ab", "2024-01-01", predecessors);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = klynge_landscape_check_merger (landscape, clash);

  ck_assert_int_eq (klynge_problem_get_code (g_ptr_array_index (problems, 0)), KLYNGE_ERROR_DUPLICATE_ID);
  ck_assert (klynge_landscape_apply_merger (landscape, merger, &error));
  ck_assert_no_error (error);
  ck_assert_ptr_eq (klynge_landscape_lookup (landscape, "m-new"), merger);
}
END_TEST

typedef struct {
  const char *name;
  KlyngeMergerKind kind;
  const char *successor;
  const char *effective;
  const char *predecessors[4];
  int code;
} Refusal;

/* in synthetic_landscape () plus: "gone" dissolved 2020, "late" founded
 * 2025, "fresh" founded 2024-01-01, "old-ab" merged into "a" in 2022
 * (completed, records left inconsistent on purpose), "made" created by a
 * completed merger on 2024-06-01, "known" founded 2000 and known active
 * until 2024, "quiet" known active until 2023 with no founding date,
 * "dated" known active until 2024 and dissolved in 2026 */
static const Refusal refusals[] = {
  { "unknown predecessor", KLYNGE_MERGER_KIND_MERGER, "ab", "2024-01-01", { "a", "nobody", NULL }, KLYNGE_ERROR_UNRESOLVED_REFERENCE },
  { "predecessor is a member", KLYNGE_MERGER_KIND_MERGER, "ab", "2024-01-01", { "a", "m1", NULL }, KLYNGE_ERROR_WRONG_REFERENCE_KIND },
  { "predecessor already dissolved", KLYNGE_MERGER_KIND_MERGER, "ab", "2024-01-01", { "a", "gone", NULL }, KLYNGE_ERROR_MERGER_PREDECESSOR_INACTIVE },
  { "predecessor not yet founded", KLYNGE_MERGER_KIND_MERGER, "ab", "2024-01-01", { "a", "late", NULL }, KLYNGE_ERROR_MERGER_PREDECESSOR_INACTIVE },
  { "predecessor founded on the effective date", KLYNGE_MERGER_KIND_MERGER, "ab", "2024-01-01", { "a", "fresh", NULL }, KLYNGE_ERROR_MERGER_DATE_ORDER },
  { "predecessor created by a later merger", KLYNGE_MERGER_KIND_MERGER, "ab", "2024-01-01", { "a", "made", NULL }, KLYNGE_ERROR_MERGER_DATE_ORDER },
  { "new successor founded on another day", KLYNGE_MERGER_KIND_MERGER, "late", "2024-01-01", { "a", "b", NULL }, KLYNGE_ERROR_MERGER_DATE_ORDER },
  { "absorbing successor not yet founded", KLYNGE_MERGER_KIND_ABSORPTION, "late", "2024-01-01", { "a", NULL }, KLYNGE_ERROR_MERGER_SUCCESSOR_INACTIVE },
  { "absorbing successor dissolved", KLYNGE_MERGER_KIND_ABSORPTION, "gone", "2024-01-01", { "a", NULL }, KLYNGE_ERROR_MERGER_SUCCESSOR_INACTIVE },
  { "successor among the predecessors", KLYNGE_MERGER_KIND_MERGER, "ab", "2024-01-01", { "a", "ab", NULL }, KLYNGE_ERROR_MERGER_SUCCESSOR_IS_PREDECESSOR },
  { "cycle", KLYNGE_MERGER_KIND_ABSORPTION, "old-ab", "2024-01-01", { "a", NULL }, KLYNGE_ERROR_MERGER_CYCLE },
  { "predecessor named twice", KLYNGE_MERGER_KIND_MERGER, "ab", "2024-01-01", { "a", "a", NULL }, KLYNGE_ERROR_DUPLICATE_ID },
  { "too few predecessors", KLYNGE_MERGER_KIND_MERGER, "ab", "2024-01-01", { "a", NULL }, KLYNGE_ERROR_TOO_FEW_PARTIES },
  { "unknown successor", KLYNGE_MERGER_KIND_ABSORPTION, "nobody", "2024-01-01", { "a", NULL }, KLYNGE_ERROR_UNRESOLVED_REFERENCE },
  { "rename of two bodies", KLYNGE_MERGER_KIND_RENAME, "ab", "2024-01-01", { "a", "b", NULL }, KLYNGE_ERROR_MERGER_TOO_MANY_PREDECESSORS },
  { "renamed record founded on another day", KLYNGE_MERGER_KIND_RENAME, "late", "2024-01-01", { "a", NULL }, KLYNGE_ERROR_MERGER_DATE_ORDER },
  { "renamed body founded on the effective date", KLYNGE_MERGER_KIND_RENAME, "ab", "2024-01-01", { "fresh", NULL }, KLYNGE_ERROR_MERGER_DATE_ORDER },
  { "transfer from a dissolved giver", KLYNGE_MERGER_KIND_TRANSFER, "b", "2024-01-01", { "gone", NULL }, KLYNGE_ERROR_MERGER_PREDECESSOR_INACTIVE },
  { "transfer from a body already absorbed", KLYNGE_MERGER_KIND_TRANSFER, "b", "2024-01-01", { "old-ab", NULL }, KLYNGE_ERROR_MERGER_PREDECESSOR_INACTIVE },
  { "transfer to a dissolved body", KLYNGE_MERGER_KIND_TRANSFER, "gone", "2024-01-01", { "a", NULL }, KLYNGE_ERROR_MERGER_SUCCESSOR_INACTIVE },
  { "transfer to a body not yet founded", KLYNGE_MERGER_KIND_TRANSFER, "late", "2024-01-01", { "a", NULL }, KLYNGE_ERROR_MERGER_SUCCESSOR_INACTIVE },
  { "predecessor known active on the effective date", KLYNGE_MERGER_KIND_MERGER, "ab", "2024-01-01", { "a", "known", NULL }, KLYNGE_ERROR_MERGER_DATE_ORDER },
  { "renamed record known active only before", KLYNGE_MERGER_KIND_RENAME, "quiet", "2024-01-01", { "a", NULL }, KLYNGE_ERROR_MERGER_DATE_ORDER },
  { "predecessor known active on the effective date, dissolved later", KLYNGE_MERGER_KIND_ABSORPTION, "a", "2024-01-01", { "dated", NULL }, KLYNGE_ERROR_MERGER_DATE_ORDER },
};

static KlyngeLandscape *
refusal_landscape (void)
{
  KlyngeLandscape *landscape = synthetic_landscape ();
  const char *old[] = { "old-ab", NULL };
  const char *pre_made[] = { "b", NULL };
  g_autoptr(KlyngeMerger) m1 = NULL, m2 = NULL;
  KlyngeDate known = { 2024, 0, 0 }, quiet = { 2023, 0, 0 };

  add_org (landscape, "gone", "2000", "2020");
  add_org (landscape, "late", "2025", NULL);
  add_org (landscape, "fresh", "2024-01-01", NULL);
  add_org (landscape, "old-ab", "2001", NULL);
  add_org (landscape, "made", "2024-06-01", NULL);
  ck_assert (klynge_organisation_set_known_until (add_org (landscape, "known", "2000", NULL), &known, NULL));
  ck_assert (klynge_organisation_set_known_until (add_org (landscape, "quiet", NULL, NULL), &quiet, NULL));
  ck_assert (klynge_organisation_set_known_until (add_org (landscape, "dated", "2000", "2026"), &known, NULL));
  m1 = add_merger (landscape, "hist-1", KLYNGE_MERGER_KIND_ABSORPTION, "a", "2022-01-01", old);
  klynge_merger_set_status (m1, KLYNGE_MERGER_STATUS_COMPLETED);
  m2 = add_merger (landscape, "hist-2", KLYNGE_MERGER_KIND_ABSORPTION, "made", "2024-06-01", pre_made);
  /* "b" must stay usable for the other cases: hist-2 stays proposed, so
   * it only counts for the date order once completed below */
  return landscape;
}

START_TEST (test_refused_merger_has_its_own_code_and_changes_nothing)
{
  const Refusal *r = &refusals[_i];
  g_autoptr(KlyngeLandscape) landscape = refusal_landscape ();
  g_autoptr(GBytes) before = NULL, after = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) problems_of = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeMerger) merger = NULL;
  KlyngeDate effective = klynge_test_date (r->effective);

  if (strcmp (r->name, "predecessor created by a later merger") == 0)
    klynge_merger_set_status (KLYNGE_MERGER (klynge_landscape_lookup (landscape, "hist-2")),
                              KLYNGE_MERGER_STATUS_COMPLETED);
  before = save (landscape);

  problems_of = klynge_landscape_check_merger_of (landscape, r->kind, r->successor,
                                                  r->predecessors, &effective);
  ck_assert_msg (has_problem (problems_of, r->code), "%s: code %d not reported", r->name, r->code);

  /* cases a merger record can hold are applied too */
  if (r->code != KLYNGE_ERROR_MERGER_SUCCESSOR_IS_PREDECESSOR && r->code != KLYNGE_ERROR_DUPLICATE_ID)
    {
      merger = klynge_merger_new ("refused", r->kind, r->successor, &effective);
      for (guint i = 0; r->predecessors[i] != NULL; i++)
        ck_assert (klynge_merger_add_predecessor (merger, r->predecessors[i], NULL));
      problems = klynge_landscape_check_merger (landscape, merger);
      ck_assert_msg (problems->len > 0, "%s: no problem", r->name);
      ck_assert (!klynge_landscape_apply_merger (landscape, merger, &error));
      ck_assert_msg (error != NULL && error->domain == KLYNGE_ERROR, "%s", r->name);
      ck_assert_msg (has_problem (problems, r->code), "%s", r->name);
      ck_assert_int_eq (error->code, klynge_problem_get_code (g_ptr_array_index (problems, 0)));
      ck_assert (klynge_landscape_lookup (landscape, "refused") == NULL);
      ck_assert_int_eq (klynge_merger_get_status (merger), KLYNGE_MERGER_STATUS_PROPOSED);
    }
  after = save (landscape);
  ck_assert_msg (g_bytes_equal (before, after), "%s changed the landscape", r->name);
}
END_TEST

START_TEST (test_every_problem_is_listed)
{
  g_autoptr(KlyngeLandscape) landscape = refusal_landscape ();
  const char *predecessors[] = { "nobody", "gone", "late", NULL };
  KlyngeDate effective = klynge_test_date ("2024-01-01");
  g_autoptr(GPtrArray) problems = klynge_landscape_check_merger_of (landscape, KLYNGE_MERGER_KIND_MERGER,
                                                                    "ab", predecessors, &effective);

  ck_assert_uint_eq (problems->len, 3);
  ck_assert_int_eq (klynge_problem_get_code (g_ptr_array_index (problems, 0)), KLYNGE_ERROR_UNRESOLVED_REFERENCE);
  ck_assert_str_eq (klynge_problem_get_record_id (g_ptr_array_index (problems, 0)), "nobody");
  ck_assert_int_eq (klynge_problem_get_code (g_ptr_array_index (problems, 1)), KLYNGE_ERROR_MERGER_PREDECESSOR_INACTIVE);
  ck_assert_str_eq (klynge_problem_get_record_id (g_ptr_array_index (problems, 1)), "gone");
  ck_assert_int_eq (klynge_problem_get_code (g_ptr_array_index (problems, 2)), KLYNGE_ERROR_MERGER_PREDECESSOR_INACTIVE);
  ck_assert_str_eq (klynge_problem_get_record_id (g_ptr_array_index (problems, 2)), "late");
}
END_TEST

START_TEST (test_apply_save_load_and_lineage_agree)
{
  g_autoptr(KlyngeLandscape) landscape = synthetic_landscape ();
  const char *predecessors[] = { "a", "b", NULL };
  g_autoptr(KlyngeMerger) merger = add_merger (landscape, "m-ab", KLYNGE_MERGER_KIND_MERGER, "ab", "2024-01-01", predecessors);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) saved = NULL, again = NULL;
  g_autoptr(KlyngeLandscape) loaded = NULL;
  g_autoptr(GPtrArray) ancestors = NULL, loaded_ancestors = NULL, problems = NULL;
  g_autoptr(GPtrArray) m1 = NULL, m2 = NULL;

  ck_assert (klynge_landscape_apply_merger (landscape, merger, &error));
  saved = save (landscape);
  loaded = klynge_landscape_load_bytes (saved, "merged.xml", NULL, &error);
  ck_assert_no_error (error);
  again = save (loaded);
  ck_assert (g_bytes_equal (saved, again));

  problems = klynge_landscape_validate (loaded);
  ck_assert_uint_eq (problems->len, 0);
  ancestors = klynge_landscape_list_ancestors (landscape, "ab");
  loaded_ancestors = klynge_landscape_list_ancestors (loaded, "ab");
  ck_assert_uint_eq (ancestors->len, 2);
  ck_assert_uint_eq (loaded_ancestors->len, 2);
  for (guint i = 0; i < 2; i++)
    {
      ck_assert_str_eq (klynge_lineage_link_get_organisation (g_ptr_array_index (ancestors, i)),
                        klynge_lineage_link_get_organisation (g_ptr_array_index (loaded_ancestors, i)));
      ck_assert_str_eq (klynge_lineage_link_get_merger (g_ptr_array_index (loaded_ancestors, i)), "m-ab");
    }
  ck_assert_str_eq (resolve (loaded, "b", "2024-01-01"), "ab");
  ck_assert_str_eq (resolve (loaded, "b", "2023-12-31"), "b");
  m1 = klynge_landscape_list_memberships_of_organisation (landscape, "ab");
  m2 = klynge_landscape_list_memberships_of_organisation (loaded, "ab");
  ck_assert_uint_eq (m1->len, m2->len);
  ck_assert_int_eq (klynge_merger_get_status (KLYNGE_MERGER (klynge_landscape_lookup (loaded, "m-ab"))),
                    KLYNGE_MERGER_STATUS_COMPLETED);
}
END_TEST

START_TEST (test_view_counts_members_active_on_its_date)
{
  g_autoptr(KlyngeLandscape) landscape = synthetic_landscape ();
  KlyngeDate d = klynge_test_date ("2019-06-01");
  g_autoptr(KlyngeLandscapeView) view = klynge_landscape_view_new (landscape, &d);
  g_autoptr(GPtrArray) members = klynge_landscape_view_list_members_of (view, "b");

  /* b: m1 (2013-05-01..2030), m3 (2014..2019), m4 (since unknown) */
  ck_assert_uint_eq (members->len, 3);
  ck_assert_uint_eq (klynge_landscape_view_count_members_of (view, "b"), 3);
  /* a: m1 (2015), m2 (2016); m4 from 2020, m5 from 2024 */
  ck_assert_uint_eq (klynge_landscape_view_count_members_of (view, "a"), 2);
  ck_assert_uint_eq (klynge_landscape_view_count_members_of (view, "nobody"), 0);
  ck_assert_ptr_null (klynge_landscape_view_list_members_of (view, "nobody"));
}
END_TEST

/* The view's member count carries the member list's certainty. */
static const struct {
  const char *organisation;
  const char *date;
  KlyngeMemberList member_list;
  guint64 value;
  KlyngeCountCertainty certainty;
} view_counts[] = {
  { "b", "2019-06-01", KLYNGE_MEMBER_LIST_COMPLETE, 3, KLYNGE_COUNT_CERTAINTY_EXACT },
  { "b", "2019-06-01", KLYNGE_MEMBER_LIST_PARTIAL, 3, KLYNGE_COUNT_CERTAINTY_AT_LEAST },
  { "b", "2019-06-01", KLYNGE_MEMBER_LIST_UNKNOWN, 3, KLYNGE_COUNT_CERTAINTY_AT_LEAST },
  { "ab", "2019-06-01", KLYNGE_MEMBER_LIST_COMPLETE, 0, KLYNGE_COUNT_CERTAINTY_EXACT },
  { "ab", "2019-06-01", KLYNGE_MEMBER_LIST_UNKNOWN, 0, KLYNGE_COUNT_CERTAINTY_UNKNOWN },
  { "nobody", "2019-06-01", KLYNGE_MEMBER_LIST_COMPLETE, 0, KLYNGE_COUNT_CERTAINTY_UNKNOWN },
};

START_TEST (test_view_member_count_is_exact_only_for_a_complete_member_list)
{
  g_autoptr(KlyngeLandscape) landscape = synthetic_landscape ();
  KlyngeDate d = klynge_test_date (view_counts[_i].date);
  g_autoptr(KlyngeLandscapeView) view = NULL;
  KlyngeRecord *record = klynge_landscape_lookup (landscape, view_counts[_i].organisation);
  KlyngeCount count;

  if (record != NULL)
    klynge_organisation_set_member_list (KLYNGE_ORGANISATION (record), view_counts[_i].member_list);
  view = klynge_landscape_view_new (landscape, &d);
  klynge_landscape_view_get_member_count (view, view_counts[_i].organisation, &count);
  ck_assert_uint_eq (count.value, view_counts[_i].value);
  ck_assert_int_eq (count.certainty, view_counts[_i].certainty);
}
END_TEST

/* --- member overlap -------------------------------------------------------- */

START_TEST (test_pair_overlap_counts_distinct_members)
{
  g_autoptr(KlyngeLandscape) landscape = synthetic_landscape ();

  klynge_test_add_membership (landscape, "a", "m1", "2000", "2001");    /* m1 twice in a */
  /* a: m1 m2 m4 m5; b: m1 m3 m4 */
  ck_assert_uint_eq (klynge_landscape_count_shared_members (landscape, "a", "b"), 2);
  ck_assert_uint_eq (klynge_landscape_count_shared_members (landscape, "b", "a"), 2);
  ck_assert_uint_eq (klynge_landscape_count_shared_members (landscape, "a", "ab"), 0);
  ck_assert_uint_eq (klynge_landscape_count_shared_members (landscape, "a", "nobody"), 0);
}
END_TEST

START_TEST (test_all_pairs_overlap_agrees_with_pairwise_counts)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GPtrArray) overlaps = NULL;
  g_autoptr(GPtrArray) twos = NULL;
  const guint n_orgs = 30, n_members = 200;
  guint expected = 0, expected_two = 0, row = 0;

  for (guint m = 0; m < n_members; m++)
    {
      g_autofree char *id = g_strdup_printf ("m%u", m);
      add_member (landscape, id);
    }
  for (guint o = 0; o < n_orgs; o++)
    {
      g_autofree char *id = g_strdup_printf ("o%u", o);
      KlyngeOrganisation *organisation = add_org (landscape, id, NULL, NULL);

      (void) organisation;
      for (guint k = 0; k < 25; k++)
        {
          g_autofree char *member = g_strdup_printf ("m%u", g_rand_int_range (rand, 0, n_members));
          g_autofree char *since = g_strdup_printf ("%u", 2000 + k);
          klynge_test_add_membership (landscape, id, member, since, NULL);   /* repeats allowed */
        }
    }

  overlaps = klynge_landscape_member_overlaps (landscape, 0);
  twos = klynge_landscape_member_overlaps (landscape, 2);
  for (guint a = 0; a < n_orgs; a++)
    for (guint b = a + 1; b < n_orgs; b++)
      {
        g_autofree char *ia = g_strdup_printf ("o%u", a);
        g_autofree char *ib = g_strdup_printf ("o%u", b);
        guint shared = klynge_landscape_count_shared_members (landscape, ia, ib);
        KlyngeOverlap *overlap;
        g_autoptr(GPtrArray) ma = NULL, mb = NULL;

        if (shared == 0)
          continue;
        expected++;
        if (shared >= 2)
          expected_two++;
        ck_assert_uint_lt (row, overlaps->len);
        overlap = g_ptr_array_index (overlaps, row++);
        ck_assert_str_eq (klynge_overlap_get_a (overlap), ia);
        ck_assert_str_eq (klynge_overlap_get_b (overlap), ib);
        ck_assert_uint_eq (klynge_overlap_get_shared (overlap), shared);
        ma = klynge_landscape_list_members_of (landscape, ia, NULL);
        mb = klynge_landscape_list_members_of (landscape, ib, NULL);
        ck_assert_uint_eq (klynge_overlap_get_union (overlap), ma->len + mb->len - shared);
        ck_assert (klynge_overlap_get_jaccard (overlap) == (double) shared / (double) (ma->len + mb->len - shared));
      }
  ck_assert_uint_eq (overlaps->len, expected);
  ck_assert_uint_eq (twos->len, expected_two);
  ck_assert_uint_gt (expected, 0);
}
END_TEST

/* Shared members of two member lists sorted by id: a reference count
 * that knows nothing of the landscape's storage. */
static guint
count_shared_in_lists (GPtrArray *x,
                       GPtrArray *y)
{
  guint shared = 0;

  for (guint i = 0; i < x->len; i++)
    for (guint j = 0; j < y->len; j++)
      shared += g_ptr_array_index (x, i) == g_ptr_array_index (y, j);
  return shared;
}

START_TEST (test_overlaps_on_a_date_agree_with_the_view_of_that_date)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  const guint n_orgs = 20, n_members = 60;
  static const char * const dates[] = { "2005-06-30", "2010", "2013-02-28", "2019-12-31" };
  guint compared = 0;

  for (guint m = 0; m < n_members; m++)
    {
      g_autofree char *id = g_strdup_printf ("m%u", m);
      add_member (landscape, id);
    }
  for (guint o = 0; o < n_orgs; o++)
    {
      g_autofree char *id = g_strdup_printf ("o%u", o);
      KlyngeOrganisation *organisation = add_org (landscape, id, NULL, NULL);

      if (o % 3 == 0)
        klynge_organisation_set_member_list (organisation, KLYNGE_MEMBER_LIST_COMPLETE);
      for (guint k = 0; k < 15; k++)
        {
          g_autofree char *member = g_strdup_printf ("m%u", g_rand_int_range (rand, 0, n_members));
          guint from = 2000 + k;   /* one membership a year: never the same twice */
          g_autofree char *since = g_strdup_printf ("%u", from);
          g_autofree char *until = g_strdup_printf ("%u-12-31", from + g_rand_int_range (rand, 0, 8));

          klynge_test_add_membership (landscape, id, member, since,
                                      g_rand_boolean (rand) ? until : NULL);
        }
    }

  for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
    {
      KlyngeDate date = klynge_test_date (dates[d]);
      g_autoptr(KlyngeLandscapeView) view = klynge_landscape_view_new (landscape, &date);
      g_autoptr(GPtrArray) overlaps = klynge_landscape_member_overlaps_on (landscape, &date, 0);
      guint row = 0;

      for (guint a = 0; a < n_orgs; a++)
        for (guint b = a + 1; b < n_orgs; b++)
          {
            g_autofree char *ia = g_strdup_printf ("o%u", a);
            g_autofree char *ib = g_strdup_printf ("o%u", b);
            g_autoptr(GPtrArray) ma = klynge_landscape_view_list_members_of (view, ia);
            g_autoptr(GPtrArray) mb = klynge_landscape_view_list_members_of (view, ib);
            guint shared = count_shared_in_lists (ma, mb);
            KlyngeOverlap *overlap;
            KlyngeCount together;

            if (shared == 0)
              continue;
            ck_assert_uint_lt (row, overlaps->len);
            overlap = g_ptr_array_index (overlaps, row++);
            ck_assert_str_eq (klynge_overlap_get_a (overlap), ia);
            ck_assert_str_eq (klynge_overlap_get_b (overlap), ib);
            ck_assert_uint_eq (klynge_overlap_get_shared (overlap), shared);
            klynge_overlap_get_union_count (overlap, &together);
            ck_assert_uint_eq (together.value, ma->len + mb->len - shared);
            ck_assert_int_eq (klynge_overlap_is_exact (overlap), a % 3 == 0 && b % 3 == 0);
            ck_assert_int_eq (together.certainty, a % 3 == 0 && b % 3 == 0
                                                  ? KLYNGE_COUNT_CERTAINTY_EXACT
                                                  : KLYNGE_COUNT_CERTAINTY_AT_LEAST);
            compared++;
          }
      ck_assert_uint_eq (overlaps->len, row);
    }
  ck_assert_uint_gt (compared, 20);
}
END_TEST

/* The overlap of a and b in @overlaps, or NULL. */
static KlyngeOverlap *
overlap_of_a_and_b (GPtrArray *overlaps)
{
  for (guint i = 0; i < overlaps->len; i++)
    if (strcmp (klynge_overlap_get_a (g_ptr_array_index (overlaps, i)), "a") == 0
        && strcmp (klynge_overlap_get_b (g_ptr_array_index (overlaps, i)), "b") == 0)
      return g_ptr_array_index (overlaps, i);
  return NULL;
}

START_TEST (test_overlaps_restricted_to_roles_count_only_those_memberships)
{
  g_autoptr(KlyngeLandscape) landscape = synthetic_landscape ();
  KlyngeDate day = klynge_test_date ("2024-01-01");
  g_autoptr(GPtrArray) all = NULL, members = NULL, participants = NULL, on_day = NULL, both = NULL;
  KlyngeOverlap *ab;

  /* a: m1 m2 m4 m5; b: m1, m3 (ended 2019), m4 as a participant */
  set_membership_full (landscape, "b", "m4", NULL, NULL,
                       KLYNGE_MEMBERSHIP_ROLE_PARTICIPANT, KLYNGE_MEMBERSHIP_END_NONE);
  all = klynge_landscape_member_overlaps_full (landscape, NULL, 1, KLYNGE_MEMBERSHIP_ROLES_ALL);
  ab = overlap_of_a_and_b (all);
  ck_assert_ptr_nonnull (ab);
  ck_assert_uint_eq (klynge_overlap_get_shared (ab), 2);
  ck_assert_uint_eq (klynge_overlap_get_union (ab), 5);

  members = klynge_landscape_member_overlaps_full (landscape, NULL, 1,
                                                   KLYNGE_MEMBERSHIP_ROLE_BIT (KLYNGE_MEMBERSHIP_ROLE_MEMBER));
  ab = overlap_of_a_and_b (members);
  ck_assert_ptr_nonnull (ab);
  ck_assert_uint_eq (klynge_overlap_get_shared (ab), 1);   /* m1 */
  ck_assert_uint_eq (klynge_overlap_get_union (ab), 5);    /* m1..m5, m4 as a's */

  /* a has no participant: no pair with it */
  participants = klynge_landscape_member_overlaps_full (landscape, NULL, 1,
                                                        KLYNGE_MEMBERSHIP_ROLE_BIT (KLYNGE_MEMBERSHIP_ROLE_PARTICIPANT));
  ck_assert_ptr_null (overlap_of_a_and_b (participants));

  on_day = klynge_landscape_member_overlaps_full (landscape, &day, 1,
                                                  KLYNGE_MEMBERSHIP_ROLE_BIT (KLYNGE_MEMBERSHIP_ROLE_MEMBER));
  ab = overlap_of_a_and_b (on_day);
  ck_assert_ptr_nonnull (ab);
  ck_assert_uint_eq (klynge_overlap_get_shared (ab), 1);   /* m1 */
  ck_assert_uint_eq (klynge_overlap_get_union (ab), 3);    /* m1 m2 m4 */

  both = klynge_landscape_member_overlaps_full (landscape, NULL, 1,
                                                KLYNGE_MEMBERSHIP_ROLE_BIT (KLYNGE_MEMBERSHIP_ROLE_MEMBER)
                                                | KLYNGE_MEMBERSHIP_ROLE_BIT (KLYNGE_MEMBERSHIP_ROLE_PARTICIPANT));
  ck_assert_uint_eq (klynge_overlap_get_shared (overlap_of_a_and_b (both)), 2);
}
END_TEST

START_TEST (test_overlaps_without_a_date_count_every_membership)
{
  g_autoptr(KlyngeLandscape) landscape = synthetic_landscape ();
  g_autoptr(GPtrArray) any_time = klynge_landscape_member_overlaps (landscape, 0);
  g_autoptr(GPtrArray) no_date = klynge_landscape_member_overlaps_on (landscape, NULL, 0);
  KlyngeDate unset = { 0 };
  g_autoptr(GPtrArray) unset_date = klynge_landscape_member_overlaps_on (landscape, &unset, 0);

  ck_assert_uint_gt (any_time->len, 0);
  ck_assert_uint_eq (no_date->len, any_time->len);
  ck_assert_uint_eq (unset_date->len, any_time->len);
  for (guint i = 0; i < any_time->len; i++)
    {
      KlyngeOverlap *x = g_ptr_array_index (any_time, i), *y = g_ptr_array_index (no_date, i);

      ck_assert_str_eq (klynge_overlap_get_a (x), klynge_overlap_get_a (y));
      ck_assert_str_eq (klynge_overlap_get_b (x), klynge_overlap_get_b (y));
      ck_assert_uint_eq (klynge_overlap_get_shared (x), klynge_overlap_get_shared (y));
      ck_assert_uint_eq (klynge_overlap_get_union (x), klynge_overlap_get_union (y));
      /* no member list is stated complete in it */
      ck_assert (!klynge_overlap_is_exact (x));
      ck_assert (!klynge_overlap_get_exact_jaccard (x, NULL));
    }
}
END_TEST

/* A history far longer than the C stack could recurse over (it crashed
 * at a depth of about 87,000), and long enough that a scan of every
 * merger per level would take minutes. */
#define LONG_CHAIN 100000

/* Organisations o0 .. o100000 and mergers mI joining o(I-1) into oI,
 * listed from m1 up or, with @newest_first, from m100000 down. */
static KlyngeLandscape *
chain_of (guint    length,
          gboolean newest_first)
{
  KlyngeLandscape *landscape = klynge_landscape_new ();

  for (guint i = 0; i <= length; i++)
    {
      g_autofree char *id = g_strdup_printf ("o%u", i);
      g_autoptr(KlyngeOrganisation) organisation = klynge_organisation_new (id, KLYNGE_ORGANISATION_KIND_CLUSTER, id);

      ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (organisation), NULL));
    }
  for (guint n = 1; n <= length; n++)
    {
      guint i = newest_first ? length + 1 - n : n;
      g_autofree char *id = g_strdup_printf ("m%u", i);
      g_autofree char *from = g_strdup_printf ("o%u", i - 1);
      g_autofree char *to = g_strdup_printf ("o%u", i);
      const char *predecessors[] = { from, NULL };
      g_autoptr(KlyngeMerger) merger = add_merger (NULL, id, KLYNGE_MERGER_KIND_ABSORPTION, to, "2024-01-01", predecessors);

      klynge_merger_set_status (merger, KLYNGE_MERGER_STATUS_COMPLETED);
      ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (merger), NULL));
    }
  return landscape;
}

static KlyngeLandscape *
long_chain (gboolean newest_first)
{
  return chain_of (LONG_CHAIN, newest_first);
}

/* Short walks scan the mergers, long ones index them (the switch is at
 * 32 links): chains on either side of it, mergers listed either way,
 * give every link once, in order, at its depth. */
START_TEST (test_lineage_is_the_same_on_either_side_of_the_walk_that_indexes)
{
  guint length = 28 + _i / 2;
  g_autoptr(KlyngeLandscape) landscape = chain_of (length, _i % 2 == 1);
  g_autofree char *last = g_strdup_printf ("o%u", length);
  g_autoptr(GPtrArray) ancestors = klynge_landscape_list_ancestors (landscape, last);
  g_autoptr(GPtrArray) descendants = klynge_landscape_list_descendants (landscape, "o0");

  ck_assert_uint_eq (ancestors->len, length);
  ck_assert_uint_eq (descendants->len, length);
  for (guint k = 1; k <= length; k++)
    {
      KlyngeLineageLink *up = g_ptr_array_index (ancestors, k - 1);
      KlyngeLineageLink *down = g_ptr_array_index (descendants, k - 1);
      g_autofree char *ancestor = g_strdup_printf ("o%u", length - k);
      g_autofree char *descendant = g_strdup_printf ("o%u", k);
      g_autofree char *merger = g_strdup_printf ("m%u", k);

      ck_assert_str_eq (klynge_lineage_link_get_organisation (up), ancestor);
      ck_assert_uint_eq (klynge_lineage_link_get_depth (up), k);
      ck_assert_str_eq (klynge_lineage_link_get_organisation (down), descendant);
      ck_assert_str_eq (klynge_lineage_link_get_merger (down), merger);
      ck_assert_uint_eq (klynge_lineage_link_get_depth (down), k);
    }
}
END_TEST

START_TEST (test_lineage_of_a_100000_link_chain_is_complete)
{
  g_autoptr(KlyngeLandscape) landscape = long_chain (FALSE);
  g_autoptr(GPtrArray) ancestors = NULL, descendants = NULL;
  KlyngeLineageLink *link;

  ancestors = klynge_landscape_list_ancestors (landscape, "o100000");
  ck_assert_uint_eq (ancestors->len, LONG_CHAIN);
  link = g_ptr_array_index (ancestors, LONG_CHAIN - 1);
  ck_assert_str_eq (klynge_lineage_link_get_organisation (link), "o0");
  ck_assert_uint_eq (klynge_lineage_link_get_depth (link), LONG_CHAIN);

  descendants = klynge_landscape_list_descendants (landscape, "o0");
  ck_assert_uint_eq (descendants->len, LONG_CHAIN);
  link = g_ptr_array_index (descendants, LONG_CHAIN - 1);
  ck_assert_str_eq (klynge_lineage_link_get_organisation (link), "o100000");
  ck_assert_str_eq (klynge_lineage_link_get_merger (link), "m100000");
  ck_assert_uint_eq (klynge_lineage_link_get_depth (link), LONG_CHAIN);
}
END_TEST

/* The history of a long chain is checked as a whole, not merger by
 * merger against all the others. Its organisations have no dissolution
 * dates, which check_mergers() reports once per merger; the history
 * itself is possible. */
START_TEST (test_validation_of_a_100000_link_chain_finds_the_history_possible)
{
  g_autoptr(KlyngeLandscape) landscape = long_chain (FALSE);
  g_autoptr(GPtrArray) problems = klynge_landscape_validate (landscape);

  ck_assert_uint_eq (problems->len, LONG_CHAIN);
  for (guint i = 0; i < problems->len; i++)
    ck_assert_int_eq (klynge_problem_get_code (g_ptr_array_index (problems, i)), KLYNGE_ERROR_INCONSISTENT);
}
END_TEST

/* Listed newest first, the chain is reached one merger per pass over
 * the mergers: passes over all of them took hours on it. */
START_TEST (test_lineage_dot_of_a_100000_link_chain_is_complete)
{
  g_autoptr(KlyngeLandscape) landscape = long_chain (TRUE);
  g_autofree char *dot = klynge_landscape_lineage_to_dot (landscape, "o0");
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();
  guint nodes = 0, edges = 0;

  /* split by hand: g_strsplit() calls strstr() on the rest of the text
   * once a line, which AddressSanitizer measures with strlen() each
   * time, so splitting 8 MB took minutes under it */
  for (char *line = dot, *p = dot; *p != '\0'; p++)
    if (*p == '\n')
      {
        *p = '\0';
        g_ptr_array_add (lines, line);
        line = p + 1;
      }
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);

      if (strstr (line, " -> ") != NULL)
        edges++;
      else if (g_str_has_prefix (line, "  \"o"))
        nodes++;
    }
  ck_assert_uint_eq (nodes, LONG_CHAIN + 1);
  ck_assert_uint_eq (edges, LONG_CHAIN);
  /* the merger that names o0 first, the newest last: the order in which
   * they are reached from o0 */
  ck_assert_str_eq (g_ptr_array_index (lines, 4 + LONG_CHAIN + 1),
                    "  \"o0\" -> \"o1\" [label=\"2024-01-01\", tooltip=\"m1\", style=dashed];");
  ck_assert_str_eq (g_ptr_array_index (lines, lines->len - 2),
                    "  \"o99999\" -> \"o100000\" [label=\"2024-01-01\", tooltip=\"m100000\", style=dashed];");
  ck_assert_str_eq (g_ptr_array_index (lines, lines->len - 1), "}");
}
END_TEST

/* --- histories: validation and check_merger_of() agree ------------------ */

typedef struct {
  const char *id;
  KlyngeMergerKind kind;
  const char *successor;
  const char *effective;
  const char *predecessors[3];
} HistoryStep;

#define ABSORPTION KLYNGE_MERGER_KIND_ABSORPTION

typedef struct {
  const char *name;
  HistoryStep steps[4];
  int code;
} History;

/* Each history is impossible because of its last merger; the others are
 * listed in the order they took effect. */
static const History impossible_histories[] = {
  { "cycle of two: a into b, then b into a",
    { { "m1", ABSORPTION, "b", "2018-01-01", { "a" } },
      { "m2", ABSORPTION, "a", "2020-01-01", { "b" } } },
    KLYNGE_ERROR_MERGER_CYCLE },
  { "cycle of three: a into b into c, then c into a",
    { { "m1", ABSORPTION, "b", "2018-01-01", { "a" } },
      { "m2", ABSORPTION, "c", "2019-01-01", { "b" } },
      { "m3", ABSORPTION, "a", "2020-01-01", { "c" } } },
    KLYNGE_ERROR_MERGER_CYCLE },
  { "absorbed completely into two successors",
    { { "m1", ABSORPTION, "b", "2018-01-01", { "a" } },
      { "m2", ABSORPTION, "c", "2020-01-01", { "a" } } },
    KLYNGE_ERROR_MERGER_PREDECESSOR_INACTIVE },
  { "absorbed into two successors on one day",
    { { "m1", ABSORPTION, "b", "2018-01-01", { "a" } },
      { "m2", ABSORPTION, "c", "2018-01-01", { "a" } } },
    KLYNGE_ERROR_MERGER_PREDECESSOR_INACTIVE },
  { "in a merger after being absorbed",
    { { "m1", ABSORPTION, "b", "2018-01-01", { "a" } },
      { "m2", KLYNGE_MERGER_KIND_MERGER, "e", "2020-01-01", { "a", "d" } } },
    KLYNGE_ERROR_MERGER_PREDECESSOR_INACTIVE },
  { "absorbing after being absorbed",
    { { "m1", ABSORPTION, "b", "2018-01-01", { "a" } },
      { "m2", ABSORPTION, "a", "2020-01-01", { "c" } } },
    KLYNGE_ERROR_MERGER_SUCCESSOR_INACTIVE },
};

/* Possible histories, some listed out of date order: validation goes by
 * the effective dates, not by the order of the records. */
static const History possible_histories[] = {
  { "a chain in date order",
    { { "m1", ABSORPTION, "b", "2018-01-01", { "a" } },
      { "m2", ABSORPTION, "c", "2020-01-01", { "b" } } }, 0 },
  { "a chain listed newest first",
    { { "m2", ABSORPTION, "c", "2020-01-01", { "b" } },
      { "m1", ABSORPTION, "b", "2018-01-01", { "a" } } }, 0 },
  { "two absorptions into one successor on one day",
    { { "m1", ABSORPTION, "c", "2018-01-01", { "a" } },
      { "m2", ABSORPTION, "c", "2018-01-01", { "b" } } }, 0 },
  { "a new body absorbed later, listed first",
    { { "m2", ABSORPTION, "c", "2020-01-01", { "e" } },
      { "m1", KLYNGE_MERGER_KIND_MERGER, "e", "2018-01-01", { "a", "b" } } }, 0 },
};

static guint
n_steps (const History *history)
{
  guint n = 0;

  while (n < G_N_ELEMENTS (history->steps) && history->steps[n].id != NULL)
    n++;
  return n;
}

static KlyngeMerger *
history_merger (KlyngeLandscape   *landscape,
                const HistoryStep *step)
{
  return add_merger (landscape, step->id, step->kind, step->successor, step->effective,
                     step->predecessors);
}

/* Records that @merger has happened: its status, and its predecessors
 * dissolved the day before (unless an earlier merger already did), so
 * that only the history itself can be wrong. */
static void
complete (KlyngeLandscape *landscape,
          KlyngeMerger    *merger)
{
  const char * const *predecessors = klynge_merger_get_predecessors (merger);
  KlyngeDate last;

  klynge_date_init_from_day (&last, klynge_date_get_first_day (klynge_merger_get_effective (merger)) - 1);
  for (guint i = 0; predecessors[i] != NULL; i++)
    {
      KlyngeOrganisation *organisation = KLYNGE_ORGANISATION (klynge_landscape_lookup (landscape, predecessors[i]));

      if (!klynge_date_is_set (klynge_organisation_get_dissolved (organisation)))
        ck_assert (klynge_organisation_set_dissolved (organisation, &last, NULL));
    }
  klynge_merger_set_status (merger, KLYNGE_MERGER_STATUS_COMPLETED);
}

static KlyngeLandscape *
history_landscape (void)
{
  KlyngeLandscape *landscape = klynge_landscape_new ();

  add_org (landscape, "a", "2000", NULL);
  add_org (landscape, "b", "2000", NULL);
  add_org (landscape, "c", "2000", NULL);
  add_org (landscape, "d", "2000", NULL);
  add_org (landscape, "e", NULL, NULL);
  return landscape;
}

START_TEST (test_validation_refuses_a_completed_merger_that_apply_would_refuse)
{
  const History *h = &impossible_histories[_i];
  guint n = n_steps (h);
  g_autoptr(KlyngeLandscape) landscape = history_landscape ();
  g_autoptr(KlyngeMerger) last = NULL;
  g_autoptr(GPtrArray) refused = NULL;
  g_autoptr(GPtrArray) before = NULL, after = NULL;
  KlyngeProblem *problem;

  for (guint i = 0; i + 1 < n; i++)
    {
      g_autoptr(KlyngeMerger) merger = history_merger (landscape, &h->steps[i]);
      complete (landscape, merger);
    }
  last = history_merger (landscape, &h->steps[n - 1]);

  /* proposed, `klynge merge` would refuse it with the code */
  refused = klynge_landscape_check_merger (landscape, last);
  ck_assert_msg (has_problem (refused, h->code), "%s: check_merger misses code %d", h->name, h->code);
  before = klynge_landscape_validate (landscape);
  ck_assert_msg (before->len == 0, "%s: %s", h->name,
                 before->len ? klynge_problem_get_message (g_ptr_array_index (before, 0)) : "");

  /* recorded as completed, validation reports it under the same code */
  complete (landscape, last);
  after = klynge_landscape_validate (landscape);
  ck_assert_msg (after->len == 1, "%s: %u problems", h->name, after->len);
  problem = g_ptr_array_index (after, 0);
  ck_assert_msg (klynge_problem_get_code (problem) == h->code, "%s: code %d: %s", h->name,
                 klynge_problem_get_code (problem), klynge_problem_get_message (problem));
  ck_assert_str_eq (klynge_problem_get_record_id (problem), h->steps[n - 1].id);
}
END_TEST

START_TEST (test_validation_accepts_a_possible_history_in_any_record_order)
{
  const History *h = &possible_histories[_i];
  g_autoptr(KlyngeLandscape) landscape = history_landscape ();
  g_autoptr(GPtrArray) problems = NULL;

  for (guint i = 0; i < n_steps (h); i++)
    {
      g_autoptr(KlyngeMerger) merger = history_merger (landscape, &h->steps[i]);
      complete (landscape, merger);
    }
  problems = klynge_landscape_validate (landscape);
  ck_assert_msg (problems->len == 0, "%s: %s", h->name,
                 problems->len ? klynge_problem_get_message (g_ptr_array_index (problems, 0)) : "");
}
END_TEST

/* A file may hold an impossible history: it loads, and validation says
 * what is wrong. Until it is put right, lineage, the status on a date,
 * views and the DOT export must still end and say something sensible:
 * each follows an organisation once. */
START_TEST (test_lineage_of_a_cyclic_history_ends)
{
  const History *h = &impossible_histories[1];   /* a into b into c, then c into a */
  g_autoptr(KlyngeLandscape) landscape = history_landscape ();
  g_autoptr(GPtrArray) ancestors = NULL, descendants = NULL;
  g_autoptr(KlyngeLandscapeView) view = NULL;
  g_autofree char *dot = NULL;
  KlyngeDate later = klynge_test_date ("2021-01-01");
  const char *merged_into = NULL;

  ck_assert_uint_eq (n_steps (h), 3);
  for (guint i = 0; i < n_steps (h); i++)
    {
      g_autoptr(KlyngeMerger) merger = history_merger (landscape, &h->steps[i]);
      complete (landscape, merger);
    }

  ancestors = klynge_landscape_list_ancestors (landscape, "a");
  ck_assert_uint_eq (ancestors->len, 2);
  ck_assert_str_eq (klynge_lineage_link_get_organisation (g_ptr_array_index (ancestors, 0)), "c");
  ck_assert_str_eq (klynge_lineage_link_get_organisation (g_ptr_array_index (ancestors, 1)), "b");
  descendants = klynge_landscape_list_descendants (landscape, "a");
  ck_assert_uint_eq (descendants->len, 2);
  ck_assert_str_eq (klynge_lineage_link_get_organisation (g_ptr_array_index (descendants, 0)), "b");
  ck_assert_str_eq (klynge_lineage_link_get_organisation (g_ptr_array_index (descendants, 1)), "c");

  /* every body of the cycle was dissolved into the next: none is active */
  ck_assert_int_eq (klynge_landscape_get_status (landscape, "a", &later, &merged_into),
                    KLYNGE_ORGANISATION_STATUS_MERGED);
  ck_assert_str_eq (merged_into, "b");
  ck_assert_ptr_null (klynge_landscape_resolve_on (landscape, "a", &later));
  view = klynge_landscape_view_new (landscape, &later);
  ck_assert_ptr_null (klynge_landscape_view_resolve (view, "c"));
  ck_assert (!klynge_landscape_view_is_active (view, "c"));

  dot = klynge_landscape_lineage_to_dot (landscape, "b");
  ck_assert (strstr (dot, "  \"a\" -> \"b\" [label=\"2018-01-01\", tooltip=\"m1\", style=dashed];\n"
                          "  \"b\" -> \"c\" [label=\"2019-01-01\", tooltip=\"m2\", style=dashed];\n"
                          "  \"c\" -> \"a\" [label=\"2020-01-01\", tooltip=\"m3\", style=dashed];\n"
                          "}\n") != NULL);
}
END_TEST

/* Resolving a body of a cycle once went round it until it had made as
 * many hops as the landscape has organisations, each hop a scan of the
 * mergers: 10^10 steps here. It stops where it has been before. */
START_TEST (test_resolving_a_cycle_in_a_long_history_ends_at_once)
{
  g_autoptr(KlyngeLandscape) landscape = long_chain (FALSE);
  static const HistoryStep cycle[] = {
    { "cycle-1", ABSORPTION, "b", "2018-01-01", { "a" } },
    { "cycle-2", ABSORPTION, "a", "2020-01-01", { "b" } },
  };
  KlyngeDate later = klynge_test_date ("2021-01-01");

  add_org (landscape, "a", "2000", NULL);
  add_org (landscape, "b", "2000", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cycle); i++)
    {
      g_autoptr(KlyngeMerger) merger = history_merger (landscape, &cycle[i]);
      complete (landscape, merger);
    }
  ck_assert_ptr_null (klynge_landscape_resolve_on (landscape, "a", &later));
  ck_assert_ptr_null (klynge_landscape_resolve_on (landscape, "b", &later));
}
END_TEST

/* --- applying a merger makes no lifetime finding --------------------------- */

static void
add_label (KlyngeLandscape *landscape,
           const char      *organisation,
           const char      *awarded,
           const char      *valid_until)
{
  g_autoptr(GError) error = NULL;
  KlyngeDate a = klynge_test_date (awarded), v = klynge_test_date (valid_until);
  g_autoptr(KlyngeLabel) label = klynge_label_new (KLYNGE_LABEL_LEVEL_GOLD, &a, &v, &error);

  ck_assert_no_error (error);
  klynge_organisation_add_label (KLYNGE_ORGANISATION (klynge_landscape_lookup (landscape, organisation)), label);
}

static void
add_initiative (KlyngeLandscape *landscape,
                const char      *id,
                const char      *host,
                const char      *start,
                const char      *end,
                const char      *participant)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeInitiative) initiative = klynge_initiative_new (id, KLYNGE_INITIATIVE_KIND_NETWORK,
                                                                  KLYNGE_INITIATIVE_THEME_CONSOLIDATION,
                                                                  host, id);
  KlyngeDate s = klynge_test_date (start), e = klynge_test_date (end);

  ck_assert (klynge_initiative_set_dates (initiative, &s, end != NULL ? &e : NULL, &error));
  if (participant != NULL)
    ck_assert (klynge_initiative_add_participant (initiative, participant, &error));
  ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (initiative), &error));
  ck_assert_no_error (error);
}

static void
add_designations (KlyngeLandscape *landscape,
                  const char      *programme_id,
                  const char      *start,
                  const char      *end,
                  const char * const *organisations)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeProgramme) programme = klynge_programme_new (programme_id, KLYNGE_PROGRAMME_KIND_CLUSTER_PROGRAMME,
                                                               programme_id);
  KlyngeDate s = klynge_test_date (start), e = klynge_test_date (end);

  for (guint i = 0; organisations[i] != NULL; i++)
    {
      g_autoptr(KlyngeDesignation) designation =
        klynge_designation_new (organisations[i], KLYNGE_DESIGNATION_ROLE_NATIONAL_CLUSTER, "Energi", &s, &e, &error);

      ck_assert_no_error (error);
      ck_assert (klynge_programme_add_designation (programme, designation, &error));
    }
  ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (programme), &error));
  ck_assert_no_error (error);
}

/* The synthetic landscape with something of every dated kind running
 * across 2024-01-01, the effective date: a label, memberships (one
 * beginning after it, one ending, one ended), contracts, an initiative
 * hosted by each predecessor (one running across the date, one starting
 * after it), one with a predecessor taking part after the date and one
 * with it taking part before; a's own ended membership of a member
 * whose membership of b goes on; and designations of both, one programme
 * running across the date and one that ended before it. */
static KlyngeLandscape *
dated_landscape (void)
{
  KlyngeLandscape *landscape = synthetic_landscape ();

  add_org (landscape, "host", "2000", NULL);
  add_label (landscape, "a", "2022-06", "2025-06");
  add_label (landscape, "b", "2019", "2021");
  add_label (landscape, "b", "2024-03", "2026-03");
  add_member (landscape, "m6");
  klynge_test_add_membership (landscape, "a", "m6", "2011", "2013");
  klynge_test_add_membership (landscape, "b", "m6", "2012-06", NULL);
  add_initiative (landscape, "a-network", "a", "2023", "2025", NULL);
  add_initiative (landscape, "b-event", "b", "2024-06-01", NULL, NULL);
  add_initiative (landscape, "b-past", "b", "2020", "2021", NULL);
  add_initiative (landscape, "camp-2024", "host", "2024-03", "2024-03", "a");
  add_initiative (landscape, "camp-2020", "host", "2020", NULL, "b");
  add_designations (landscape, "programme-2021", "2021-01-01", "2024-12-31", (const char *[]) { "a", "b", NULL });
  add_designations (landscape, "programme-2017", "2017-01-01", "2020-12-31", (const char *[]) { "a", NULL });
  return landscape;
}

static const struct {
  KlyngeMergerKind kind;
  const char *successor;
  const char *predecessors[3];
} lifetime_mergers[] = {
  { KLYNGE_MERGER_KIND_MERGER, "ab", { "a", "b", NULL } },
  { KLYNGE_MERGER_KIND_ABSORPTION, "a", { "b", NULL } },
  { KLYNGE_MERGER_KIND_ABSORPTION, "b", { "a", NULL } },
};

START_TEST (test_applying_a_merger_makes_no_lifetime_finding)
{
  g_autoptr(KlyngeLandscape) landscape = dated_landscape ();
  g_autoptr(KlyngeMerger) merger = add_merger (landscape, "m-ab", lifetime_mergers[_i].kind,
                                               lifetime_mergers[_i].successor, "2024-01-01",
                                               lifetime_mergers[_i].predecessors);
  g_autoptr(GPtrArray) before = klynge_landscape_validate (landscape);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  text = klynge_test_problems_text (before);
  ck_assert_msg (before->len == 0, "before the merger:%s", text);
  ck_assert (klynge_landscape_apply_merger (landscape, merger, &error));
  ck_assert_no_error (error);
  after = klynge_landscape_validate (landscape);
  g_free (text);
  text = klynge_test_problems_text (after);
  ck_assert_msg (after->len == 0, "after the merger:%s", text);
}
END_TEST

static char *
label_text (KlyngeOrganisation *organisation)
{
  GPtrArray *labels = klynge_organisation_get_labels (organisation);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < labels->len; i++)
    {
      g_autofree char *a = klynge_date_to_string (klynge_label_get_awarded (g_ptr_array_index (labels, i)));
      g_autofree char *v = klynge_date_to_string (klynge_label_get_valid_until (g_ptr_array_index (labels, i)));
      g_string_append_printf (text, "%s%s..%s", i > 0 ? " " : "", a, v);
    }
  return g_string_free (text, FALSE);
}

START_TEST (test_a_merger_ends_labels_and_moves_initiatives_that_run_past_it)
{
  g_autoptr(KlyngeLandscape) landscape = dated_landscape ();
  const char *predecessors[] = { "a", "b", NULL };
  g_autoptr(KlyngeMerger) merger = add_merger (landscape, "m-ab", KLYNGE_MERGER_KIND_MERGER, "ab",
                                               "2024-01-01", predecessors);
  g_autoptr(GError) error = NULL;
  g_autofree char *of_a = NULL, *of_b = NULL, *of_ab = NULL;
  const char * const *participants;

  ck_assert (klynge_landscape_apply_merger (landscape, merger, &error));
  ck_assert_no_error (error);
  of_a = label_text (KLYNGE_ORGANISATION (klynge_landscape_lookup (landscape, "a")));
  of_b = label_text (KLYNGE_ORGANISATION (klynge_landscape_lookup (landscape, "b")));
  of_ab = label_text (KLYNGE_ORGANISATION (klynge_landscape_lookup (landscape, "ab")));
  ck_assert_str_eq (of_a, "2022-06..2023-12-31");     /* ends with a */
  ck_assert_str_eq (of_b, "2019..2021");              /* history */
  ck_assert_str_eq (of_ab, "2024-03..2026-03");       /* awarded after b was dissolved */

  ck_assert_str_eq (klynge_initiative_get_host (KLYNGE_INITIATIVE (klynge_landscape_lookup (landscape, "a-network"))), "ab");
  ck_assert_str_eq (klynge_initiative_get_host (KLYNGE_INITIATIVE (klynge_landscape_lookup (landscape, "b-event"))), "ab");
  ck_assert_str_eq (klynge_initiative_get_host (KLYNGE_INITIATIVE (klynge_landscape_lookup (landscape, "b-past"))), "b");
  participants = klynge_initiative_get_participants (KLYNGE_INITIATIVE (klynge_landscape_lookup (landscape, "camp-2024")));
  ck_assert_str_eq (participants[0], "ab");
  ck_assert_ptr_null (participants[1]);
  participants = klynge_initiative_get_participants (KLYNGE_INITIATIVE (klynge_landscape_lookup (landscape, "camp-2020")));
  ck_assert_str_eq (participants[0], "b");
}
END_TEST

/* A member participant is no organisation a merger can replace: it keeps
 * its place and kind, while the predecessors give theirs to the
 * successor once, at the first of their places. */
START_TEST (test_a_merger_leaves_member_participants_where_they_are)
{
  g_autoptr(KlyngeLandscape) landscape = dated_landscape ();
  const char *predecessors[] = { "a", "b", NULL };
  g_autoptr(KlyngeMerger) merger = add_merger (landscape, "m-ab", KLYNGE_MERGER_KIND_MERGER, "ab",
                                               "2024-01-01", predecessors);
  g_autoptr(KlyngeInitiative) camp = klynge_initiative_new ("camp-2025", KLYNGE_INITIATIVE_KIND_EVENT,
                                                            KLYNGE_INITIATIVE_THEME_CONSOLIDATION,
                                                            "host", "Camp 2025");
  KlyngeDate start = klynge_test_date ("2025");
  g_autoptr(GError) error = NULL;
  const char * const *participants;

  ck_assert (klynge_initiative_set_dates (camp, &start, NULL, &error));
  ck_assert (klynge_initiative_add_member_participant (camp, "m1", &error));
  ck_assert (klynge_initiative_add_participant (camp, "b", &error));
  ck_assert (klynge_initiative_add_member_participant (camp, "m2", &error));
  ck_assert (klynge_initiative_add_participant (camp, "a", &error));
  ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (camp), &error));
  ck_assert (klynge_landscape_apply_merger (landscape, merger, &error));
  ck_assert_no_error (error);

  participants = klynge_initiative_get_participants (camp);
  ck_assert_str_eq (participants[0], "m1");
  ck_assert_str_eq (participants[1], "ab");
  ck_assert_str_eq (participants[2], "m2");
  ck_assert_ptr_null (participants[3]);
  ck_assert (klynge_initiative_participant_is_member (camp, 0));
  ck_assert (!klynge_initiative_participant_is_member (camp, 1));
  ck_assert (klynge_initiative_participant_is_member (camp, 2));
}
END_TEST

START_TEST (test_a_merger_moves_a_running_designation_to_the_successor_once)
{
  g_autoptr(KlyngeLandscape) landscape = dated_landscape ();
  const char *predecessors[] = { "a", "b", NULL };
  g_autoptr(KlyngeMerger) merger = add_merger (landscape, "m-ab", KLYNGE_MERGER_KIND_MERGER, "ab",
                                               "2024-01-01", predecessors);
  g_autoptr(GError) error = NULL;
  GPtrArray *running, *ended;

  ck_assert (klynge_landscape_apply_merger (landscape, merger, &error));
  ck_assert_no_error (error);
  running = klynge_programme_get_designations (KLYNGE_PROGRAMME (klynge_landscape_lookup (landscape, "programme-2021")));
  ck_assert_uint_eq (running->len, 1);
  ck_assert_str_eq (klynge_designation_get_organisation (g_ptr_array_index (running, 0)), "ab");
  ended = klynge_programme_get_designations (KLYNGE_PROGRAMME (klynge_landscape_lookup (landscape, "programme-2017")));
  ck_assert_uint_eq (ended->len, 1);
  ck_assert_str_eq (klynge_designation_get_organisation (g_ptr_array_index (ended, 0)), "a");
}
END_TEST

/* --- events that are not consolidations -------------------------------- */

/* @links (owned, freed here) is one link, to @organisation by a merger of
 * @kind. */
static void
assert_only_link (GPtrArray        *links,
                  const char       *organisation,
                  KlyngeMergerKind  kind)
{
  g_autoptr(GPtrArray) owned = links;
  KlyngeLineageLink *link;

  ck_assert_uint_eq (owned->len, 1);
  link = g_ptr_array_index (owned, 0);
  ck_assert_str_eq (klynge_lineage_link_get_organisation (link), organisation);
  ck_assert_int_eq (klynge_lineage_link_get_kind (link), kind);
}

/* The DOT of @id's lineage holds @edge, and the landscape validates. */
static void
assert_dot_edge_and_valid (KlyngeLandscape *landscape,
                           const char      *id,
                           const char      *edge)
{
  g_autofree char *dot = klynge_landscape_lineage_to_dot (landscape, id);
  g_autoptr(GPtrArray) problems = klynge_landscape_validate (landscape);

  ck_assert_msg (strstr (dot, edge) != NULL, "%s", dot);
  ck_assert_msg (problems->len == 0, "%s", klynge_test_problems_text (problems));
}

START_TEST (test_transfer_leaves_its_giver_active_and_is_a_transfer_in_lineage)
{
  g_autoptr(KlyngeLandscape) landscape = synthetic_landscape ();
  const char *givers[] = { "a", NULL };
  g_autoptr(KlyngeMerger) transfer = add_merger (landscape, "t-a-b", KLYNGE_MERGER_KIND_TRANSFER, "b", "2024-01-01", givers);
  KlyngeOrganisation *a = KLYNGE_ORGANISATION (klynge_landscape_lookup (landscape, "a"));
  KlyngeOrganisation *b = KLYNGE_ORGANISATION (klynge_landscape_lookup (landscape, "b"));
  guint memberships = klynge_landscape_count_memberships (landscape);
  KlyngeDate later = klynge_test_date ("2024-06-01");
  g_autoptr(GPtrArray) of_a = NULL;
  g_autoptr(GError) error = NULL;
  const char *merged_into = "unset";
  guint b_areas = g_strv_length ((char **) klynge_organisation_get_focus_areas (b));
  guint b_locations = klynge_organisation_get_locations (b)->len;

  ck_assert (klynge_landscape_apply_merger (landscape, transfer, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (klynge_merger_get_status (transfer), KLYNGE_MERGER_STATUS_COMPLETED);

  /* the giver lives on with everything it had */
  ck_assert (!klynge_date_is_set (klynge_organisation_get_dissolved (a)));
  ck_assert_int_eq (klynge_landscape_get_status (landscape, "a", &later, &merged_into),
                    KLYNGE_ORGANISATION_STATUS_ACTIVE);
  ck_assert_ptr_null (merged_into);
  ck_assert_str_eq (resolve (landscape, "a", "2024-06-01"), "a");
  ck_assert_uint_eq (klynge_landscape_count_memberships (landscape), memberships);
  of_a = klynge_landscape_list_memberships_of_organisation (landscape, "a");
  assert_membership (of_a, "m1", "2015", "-");
  assert_membership (of_a, "m5", "2024-06-01", "-");
  ck_assert_str_eq (klynge_contract_get_holder (KLYNGE_CONTRACT (klynge_landscape_lookup (landscape, "a-now"))), "a");
  /* the record does not say which part moved: nothing does */
  ck_assert_uint_eq (g_strv_length ((char **) klynge_organisation_get_focus_areas (b)), b_areas);
  ck_assert_uint_eq (klynge_organisation_get_locations (b)->len, b_locations);

  /* lineage shows it, as a transfer */
  assert_only_link (klynge_landscape_list_ancestors (landscape, "b"), "a", KLYNGE_MERGER_KIND_TRANSFER);
  assert_only_link (klynge_landscape_list_descendants (landscape, "a"), "b", KLYNGE_MERGER_KIND_TRANSFER);
  /* and the history stays possible: a giver is not dissolved */
  assert_dot_edge_and_valid (landscape, "b",
                             "\"a\" -> \"b\" [label=\"2024-01-01 transfer\", tooltip=\"t-a-b\", style=dotted];");
  ck_assert (!klynge_merger_kind_consolidates (klynge_merger_get_kind (transfer)));
}
END_TEST

START_TEST (test_rename_continues_memberships_and_contracts_under_the_new_record)
{
  g_autoptr(KlyngeLandscape) landscape = synthetic_landscape ();
  const char *old_record[] = { "a", NULL };
  g_autoptr(KlyngeMerger) rename = add_merger (landscape, "r-a", KLYNGE_MERGER_KIND_RENAME, "ab", "2024-01-01", old_record);
  KlyngeOrganisation *a = KLYNGE_ORGANISATION (klynge_landscape_lookup (landscape, "a"));
  KlyngeOrganisation *ab = KLYNGE_ORGANISATION (klynge_landscape_lookup (landscape, "ab"));
  KlyngeDate later = klynge_test_date ("2024-06-01");
  g_autoptr(GPtrArray) of_ab = NULL, of_a = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dissolved = NULL, *founded = NULL;
  const char *merged_into = NULL;

  ck_assert (klynge_landscape_apply_merger (landscape, rename, &error));
  ck_assert_no_error (error);

  /* the old record ends the day before; the new one begins that day */
  dissolved = klynge_date_to_string (klynge_organisation_get_dissolved (a));
  ck_assert_str_eq (dissolved, "2023-12-31");
  founded = klynge_date_to_string (klynge_organisation_get_founded (ab));
  ck_assert_str_eq (founded, "2024-01-01");
  ck_assert_int_eq (klynge_landscape_get_status (landscape, "a", &later, &merged_into),
                    KLYNGE_ORGANISATION_STATUS_MERGED);
  ck_assert_str_eq (merged_into, "ab");
  ck_assert_str_eq (resolve (landscape, "a", "2024-06-01"), "ab");

  /* everything current goes on under the new record */
  of_ab = klynge_landscape_list_memberships_of_organisation (landscape, "ab");
  ck_assert_uint_eq (of_ab->len, 4);
  assert_membership (of_ab, "m1", "2015", "-");
  assert_membership (of_ab, "m2", "2016-01-01", "-");
  assert_membership (of_ab, "m4", "2020-02-02", "-");
  assert_membership (of_ab, "m5", "2024-06-01", "-");
  of_a = klynge_landscape_list_memberships_of_organisation (landscape, "a");
  assert_membership (of_a, "m1", "2015", "2023-12-31");
  ck_assert_ptr_null (find_membership (of_a, "m5"));
  ck_assert_str_eq (klynge_contract_get_holder (KLYNGE_CONTRACT (klynge_landscape_lookup (landscape, "a-now"))), "ab");
  ck_assert_str_eq (klynge_contract_get_holder (KLYNGE_CONTRACT (klynge_landscape_lookup (landscape, "a-old"))), "a");
  ck_assert (klynge_organisation_has_focus_area (ab, "energy"));
  ck_assert (klynge_organisation_has_city (ab, "Aalborg"));

  assert_only_link (klynge_landscape_list_ancestors (landscape, "ab"), "a", KLYNGE_MERGER_KIND_RENAME);
  assert_dot_edge_and_valid (landscape, "ab",
                             "\"a\" -> \"ab\" [label=\"2024-01-01 rename\", tooltip=\"r-a\", style=bold];");
  ck_assert (!klynge_merger_kind_consolidates (klynge_merger_get_kind (rename)));
}
END_TEST

START_TEST (test_rename_of_two_bodies_cannot_be_added)
{
  g_autoptr(KlyngeLandscape) landscape = synthetic_landscape ();
  const char *two[] = { "a", "b", NULL };
  g_autoptr(KlyngeMerger) rename = add_merger (NULL, "r-ab", KLYNGE_MERGER_KIND_RENAME, "ab", "2024-01-01", two);
  g_autoptr(GError) error = NULL;

  ck_assert (!klynge_landscape_add (landscape, KLYNGE_RECORD (rename), &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_MERGER_TOO_MANY_PREDECESSORS);
  ck_assert_ptr_null (klynge_landscape_lookup (landscape, "r-ab"));
}
END_TEST

START_TEST (test_cancelled_merger_changes_nothing)
{
  g_autoptr(KlyngeLandscape) landscape = synthetic_landscape ();
  const char *absorbed[] = { "b", NULL };
  g_autoptr(KlyngeMerger) called_off = add_merger (landscape, "off", KLYNGE_MERGER_KIND_ABSORPTION, "a", "2024-01-01", absorbed);
  KlyngeOrganisation *b = KLYNGE_ORGANISATION (klynge_landscape_lookup (landscape, "b"));
  KlyngeDate last = klynge_test_date ("2023-12-31"), later = klynge_test_date ("2024-06-01");
  g_autoptr(GBytes) before = NULL, after = NULL;
  g_autoptr(GPtrArray) problems = NULL, ancestors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dot = NULL;

  klynge_merger_set_status (called_off, KLYNGE_MERGER_STATUS_CANCELLED);
  before = save (landscape);
  ck_assert (!klynge_landscape_apply_merger (landscape, called_off, &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_MERGER_CANCELLED);
  after = save (landscape);
  ck_assert (g_bytes_equal (before, after));
  ck_assert_int_eq (klynge_merger_get_status (called_off), KLYNGE_MERGER_STATUS_CANCELLED);

  /* b, dissolved as the cancelled absorption would have had it, is
   * dissolved, not merged, and nothing links it to a */
  ck_assert (klynge_organisation_set_dissolved (b, &last, NULL));
  ck_assert_int_eq (klynge_landscape_get_status (landscape, "b", &later, NULL), KLYNGE_ORGANISATION_STATUS_DISSOLVED);
  ck_assert_ptr_null (resolve (landscape, "b", "2024-06-01"));
  ancestors = klynge_landscape_list_ancestors (landscape, "a");
  ck_assert_uint_eq (ancestors->len, 0);
  dot = klynge_landscape_lineage_to_dot (landscape, "a");
  ck_assert_ptr_null (strstr (dot, "->"));
  problems = klynge_landscape_validate (landscape);
  ck_assert_msg (!has_problem (problems, KLYNGE_ERROR_INCONSISTENT), "%s", klynge_test_problems_text (problems));
}
END_TEST

/* x: secretariat in Aarhus at Vej 1, focus "Energy"; y: secretariat in
 * Odense, an office somewhere in Aarhus, focus "energy" and "water". */
static KlyngeLandscape *
places_landscape (void)
{
  KlyngeLandscape *landscape = klynge_landscape_new ();
  g_autoptr(KlyngeLocation) aarhus = klynge_location_new ("Aarhus", "Vej 1", "secretariat", NULL);
  g_autoptr(KlyngeLocation) odense = klynge_location_new ("Odense", NULL, "secretariat", NULL);
  g_autoptr(KlyngeLocation) aarhus_office = klynge_location_new ("Aarhus", NULL, "office", NULL);
  g_autoptr(KlyngeLocation) vejle = klynge_location_new ("Vejle", NULL, "secretariat", NULL);
  KlyngeOrganisation *x = add_org (landscape, "x", "2010", NULL);
  KlyngeOrganisation *y = add_org (landscape, "y", "2010", NULL);
  KlyngeOrganisation *z = add_org (landscape, "z", "2010", NULL);

  add_org (landscape, "xy", NULL, NULL);
  klynge_organisation_add_location (x, aarhus);
  ck_assert (klynge_organisation_add_focus_area (x, "Energy", NULL));
  klynge_organisation_add_location (y, odense);
  klynge_organisation_add_location (y, aarhus_office);
  ck_assert (klynge_organisation_add_focus_area (y, "energy", NULL));
  ck_assert (klynge_organisation_add_focus_area (y, "water", NULL));
  klynge_organisation_add_location (z, vejle);
  return landscape;
}

static void
assert_location (GPtrArray  *locations,
                 guint       index,
                 const char *city,
                 const char *address,
                 const char *role)
{
  KlyngeLocation *location;

  ck_assert_uint_lt (index, locations->len);
  location = g_ptr_array_index (locations, index);
  ck_assert_str_eq (klynge_location_get_city (location), city);
  ck_assert_pstr_eq (klynge_location_get_address (location), address);
  ck_assert_pstr_eq (klynge_location_get_role (location), role);
}

START_TEST (test_merger_keeps_one_secretariat_and_focus_areas_as_a_set)
{
  g_autoptr(KlyngeLandscape) landscape = places_landscape ();
  const char *both[] = { "x", "y", NULL };
  g_autoptr(KlyngeMerger) merger = add_merger (landscape, "m-xy", KLYNGE_MERGER_KIND_MERGER, "xy", "2024-01-01", both);
  KlyngeOrganisation *xy = KLYNGE_ORGANISATION (klynge_landscape_lookup (landscape, "xy"));
  const char * const *areas;
  GPtrArray *locations;
  g_autoptr(GError) error = NULL;

  ck_assert (klynge_landscape_apply_merger (landscape, merger, &error));
  ck_assert_no_error (error);

  /* the new body has none: the first secretariat is its; y's is now an
   * office; y's office somewhere in Aarhus is where x already was */
  locations = klynge_organisation_get_locations (xy);
  ck_assert_uint_eq (locations->len, 2);
  assert_location (locations, 0, "Aarhus", "Vej 1", "secretariat");
  assert_location (locations, 1, "Odense", NULL, "office");

  areas = klynge_organisation_get_focus_areas (xy);
  ck_assert_uint_eq (g_strv_length ((char **) areas), 2);
  ck_assert_str_eq (areas[0], "Energy");
  ck_assert_str_eq (areas[1], "water");
}
END_TEST

START_TEST (test_absorption_keeps_the_successors_secretariat)
{
  g_autoptr(KlyngeLandscape) landscape = places_landscape ();
  const char *absorbed[] = { "x", NULL };
  g_autoptr(KlyngeMerger) merger = add_merger (landscape, "m-x-z", KLYNGE_MERGER_KIND_ABSORPTION, "z", "2024-01-01", absorbed);
  KlyngeOrganisation *z = KLYNGE_ORGANISATION (klynge_landscape_lookup (landscape, "z"));
  GPtrArray *locations;
  g_autoptr(GError) error = NULL;

  ck_assert (klynge_landscape_apply_merger (landscape, merger, &error));
  ck_assert_no_error (error);
  locations = klynge_organisation_get_locations (z);
  ck_assert_uint_eq (locations->len, 2);
  assert_location (locations, 0, "Vejle", NULL, "secretariat");
  assert_location (locations, 1, "Aarhus", "Vej 1", "office");
}
END_TEST

static Suite *
consolidation_suite (void)
{
  Suite *suite = suite_create ("consolidation");
  TCase *builtin = tcase_create ("built-in data");
  TCase *apply = tcase_create ("apply");
  TCase *overlap = tcase_create ("overlap");
  TCase *history = tcase_create ("long history");
  TCase *lineage = tcase_create ("lineage");
  TCase *histories = tcase_create ("histories");
  TCase *events = tcase_create ("events");

  tcase_add_test (builtin, test_energy_cluster_denmark_was_formed_by_two_and_given_cleans_energy_on_2020_07_01);
  tcase_add_test (builtin, test_eic_was_itself_on_2020_06_30_and_ecd_on_2020_12_31_while_clean_lives_on);
  tcase_add_test (builtin, test_clean_was_formed_in_2014_from_lean_energy_cluster_and_ccc);
  tcase_add_test (builtin, test_builtin_events_have_the_kinds_the_sources_give);
  tcase_add_test (builtin, test_marlog_ends_in_2022_without_a_successor);
  tcase_add_test (builtin, test_completed_builtin_merger_cannot_be_applied_again);
  tcase_add_test (builtin, test_lineage_dot_of_ecd_is_a_stable_digraph);
  tcase_add_test (builtin, test_view_shows_the_landscape_as_it_stood);
  suite_add_tcase (suite, builtin);

  tcase_add_test (lineage, test_lineage_dot_lists_edges_in_the_order_mergers_are_reached);
  tcase_add_test (lineage, test_lineage_of_a_cyclic_history_ends);
  suite_add_tcase (suite, lineage);

  tcase_add_loop_test (histories, test_validation_refuses_a_completed_merger_that_apply_would_refuse,
                       0, G_N_ELEMENTS (impossible_histories));
  tcase_add_loop_test (histories, test_validation_accepts_a_possible_history_in_any_record_order,
                       0, G_N_ELEMENTS (possible_histories));
  suite_add_tcase (suite, histories);

  tcase_add_test (apply, test_merger_creates_the_successor_with_the_union_of_members);
  tcase_add_test (apply, test_merger_keeps_one_secretariat_and_focus_areas_as_a_set);
  tcase_add_test (apply, test_absorption_keeps_the_successors_secretariat);
  tcase_add_test (apply, test_a_merger_ends_the_carried_memberships_as_merged_and_keeps_the_strongest_role);
  tcase_add_test (apply, test_a_carried_membership_that_outlasts_keeps_its_own_end_reason);
  tcase_add_test (apply, test_absorption_folds_into_an_existing_successor_and_earliest_since_wins);
  tcase_add_test (apply, test_a_merger_not_yet_in_the_landscape_is_added_when_applied);
  tcase_add_loop_test (apply, test_refused_merger_has_its_own_code_and_changes_nothing, 0, G_N_ELEMENTS (refusals));
  tcase_add_test (apply, test_every_problem_is_listed);
  tcase_add_test (apply, test_apply_save_load_and_lineage_agree);
  tcase_add_test (apply, test_view_counts_members_active_on_its_date);
  tcase_add_loop_test (apply, test_applying_a_merger_makes_no_lifetime_finding, 0, G_N_ELEMENTS (lifetime_mergers));
  tcase_add_test (apply, test_a_merger_moves_a_running_designation_to_the_successor_once);
  tcase_add_test (apply, test_a_merger_ends_labels_and_moves_initiatives_that_run_past_it);
  tcase_add_test (apply, test_a_merger_leaves_member_participants_where_they_are);
  suite_add_tcase (suite, apply);

  tcase_add_test (events, test_transfer_leaves_its_giver_active_and_is_a_transfer_in_lineage);
  tcase_add_test (events, test_rename_continues_memberships_and_contracts_under_the_new_record);
  tcase_add_test (events, test_rename_of_two_bodies_cannot_be_added);
  tcase_add_test (events, test_cancelled_merger_changes_nothing);
  suite_add_tcase (suite, events);

  tcase_add_loop_test (history, test_lineage_is_the_same_on_either_side_of_the_walk_that_indexes, 0, 16);
  /* about a second alone; the slack is for a busy machine, and still far
   * below the 80 s the quadratic walk took */
  tcase_add_test (history, test_lineage_of_a_100000_link_chain_is_complete);
  tcase_add_test (history, test_lineage_dot_of_a_100000_link_chain_is_complete);
  tcase_add_test (history, test_validation_of_a_100000_link_chain_finds_the_history_possible);
  tcase_add_test (history, test_resolving_a_cycle_in_a_long_history_ends_at_once);
  tcase_set_timeout (history, 20);
  suite_add_tcase (suite, history);

  tcase_add_test (overlap, test_pair_overlap_counts_distinct_members);
  tcase_add_test (overlap, test_all_pairs_overlap_agrees_with_pairwise_counts);
  tcase_add_test (overlap, test_overlaps_on_a_date_agree_with_the_view_of_that_date);
  tcase_add_loop_test (overlap, test_view_member_count_is_exact_only_for_a_complete_member_list,
                       0, G_N_ELEMENTS (view_counts));
  tcase_add_test (overlap, test_overlaps_without_a_date_count_every_membership);
  tcase_add_test (overlap, test_overlaps_restricted_to_roles_count_only_those_memberships);
  suite_add_tcase (suite, overlap);
  return suite;
}

int
main (void)
{
  return klynge_test_run (consolidation_suite ());
}
