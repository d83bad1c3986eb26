/* test-due-diligence.c: the report on a possible merger
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "klynge-test.h"

static void
add_member (KlyngeLandscape  *landscape,
            const char       *id,
            KlyngeMemberKind  kind,
            KlyngeMemberSize  size)
{
  g_autoptr(KlyngeMember) member = klynge_member_new (id, kind, id);
  g_autoptr(GError) error = NULL;

  klynge_member_set_size (member, size);
  ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (member), &error));
  ck_assert_no_error (error);
}

static void
add_org (KlyngeLandscape *landscape,
         const char      *id,
         const char      *city,
         const char      *focus)
{
  g_autoptr(KlyngeOrganisation) organisation = klynge_organisation_new (id, KLYNGE_ORGANISATION_KIND_CLUSTER, id);
  g_autoptr(GError) error = NULL;
  KlyngeDate founded = klynge_test_date ("2010");

  ck_assert (klynge_organisation_set_founded (organisation, &founded, &error));
  if (city != NULL)
    {
      g_autoptr(KlyngeLocation) location = klynge_location_new (city, NULL, NULL, &error);
      klynge_organisation_add_location (organisation, location);
    }
  if (focus != NULL)
    ck_assert (klynge_organisation_add_focus_area (organisation, focus, &error));
  ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (organisation), &error));
  ck_assert_no_error (error);
}

static void
add_contract (KlyngeLandscape *landscape,
              const char      *id,
              const char      *holder,
              const char      *start,
              const char      *end,
              gint64           amount,
              const char      *source,
              const char      *other)
{
  g_autoptr(GError) error = NULL;
  KlyngeDate s = klynge_test_date (start), e = klynge_test_date (end);
  g_autoptr(KlyngePeriod) period = klynge_period_new (&s, &e, &error);
  g_autoptr(KlyngeContract) contract = klynge_contract_new (id, holder, period, amount);
  g_autoptr(KlyngeShare) share = klynge_share_new (source, other ? 5000 : 10000, &error);

  ck_assert (klynge_contract_add_share (contract, share, &error));
  if (other != NULL)
    {
      g_autoptr(KlyngeShare) second = klynge_share_new (other, 5000, &error);
      ck_assert (klynge_contract_add_share (contract, second, &error));
    }
  ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (contract), &error));
  ck_assert_no_error (error);
}

static KlyngeLandscape *
synthetic_landscape (void)
{
  KlyngeLandscape *landscape = klynge_landscape_new ();
  g_autoptr(KlyngeFundingSource) siu = klynge_funding_source_new ("siu", KLYNGE_FUNDING_SOURCE_KIND_NATIONAL_AGENCY, "SIU");
  g_autoptr(KlyngeFundingSource) es = klynge_funding_source_new ("es", KLYNGE_FUNDING_SOURCE_KIND_NATIONAL_AGENCY, "ES");
  g_autoptr(KlyngeFundingSource) eu = klynge_funding_source_new ("eu", KLYNGE_FUNDING_SOURCE_KIND_EU_PROGRAMME, "EU");

  ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (siu), NULL));
  ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (es), NULL));
  ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (eu), NULL));
  add_member (landscape, "m1", KLYNGE_MEMBER_KIND_COMPANY, KLYNGE_MEMBER_SIZE_SME);
  add_member (landscape, "m2", KLYNGE_MEMBER_KIND_COMPANY, KLYNGE_MEMBER_SIZE_LARGE);
  add_member (landscape, "m3", KLYNGE_MEMBER_KIND_KNOWLEDGE_INSTITUTION, KLYNGE_MEMBER_SIZE_LARGE);
  add_member (landscape, "m4", KLYNGE_MEMBER_KIND_PUBLIC, KLYNGE_MEMBER_SIZE_UNKNOWN);
  add_member (landscape, "m5", KLYNGE_MEMBER_KIND_COMPANY, KLYNGE_MEMBER_SIZE_MICRO);

  add_org (landscape, "x", "Aarhus", "energy");
  add_org (landscape, "y", "Aarhus", "water");
  add_org (landscape, "z", "Vejle", "energy");

  /* x: m1 m2 m3; y: m2 m3 m4 (m5 ended); z: m3 */
  klynge_test_add_membership (landscape, "x", "m1", "2015", NULL);
  klynge_test_add_membership (landscape, "x", "m2", "2016", NULL);
  klynge_test_add_membership (landscape, "x", "m3", "2016", "2024-12-31");
  klynge_test_add_membership (landscape, "y", "m2", "2018", NULL);
  klynge_test_add_membership (landscape, "y", "m3", "2018", NULL);
  klynge_test_add_membership (landscape, "y", "m3", "2012", "2013");         /* same member again */
  klynge_test_add_membership (landscape, "y", "m4", NULL, NULL);
  klynge_test_add_membership (landscape, "y", "m5", "2015", "2023-12-31");   /* ended before the date */
  klynge_test_add_membership (landscape, "z", "m3", "2020", NULL);

  /* 2024 is a leap year: 366 days */
  add_contract (landscape, "x-2024", "x", "2024-01-01", "2024-12-31", 36600, "siu", "es");
  add_contract (landscape, "y-2023", "y", "2023-01-01", "2023-12-31", 36500, "siu", NULL);
  add_contract (landscape, "y-2024", "y", "2024-07-01", "2026-06-30", 73000, "siu", NULL);
  add_contract (landscape, "z-eu", "z", "2024-01-01", "2027-12-31", 100000, "eu", NULL);
  return landscape;
}

static KlyngeDueDiligence *
report_on (KlyngeLandscape    *landscape,
           const char * const *ids,
           const char         *date)
{
  g_autoptr(GError) error = NULL;
  KlyngeDate d = klynge_test_date (date);
  KlyngeDueDiligence *report = klynge_landscape_due_diligence (landscape, ids, &d, &error);

  ck_assert_no_error (error);
  ck_assert (report != NULL);
  return report;
}

START_TEST (test_overlap_per_pair_and_combined_members)
{
  g_autoptr(KlyngeLandscape) landscape = synthetic_landscape ();
  const char *ids[] = { "x", "y", "z", NULL };
  g_autoptr(KlyngeDueDiligence) report = report_on (landscape, ids, "2024-07-01");
  g_autoptr(GPtrArray) overlaps = klynge_due_diligence_get_overlaps (report);
  g_autoptr(GPtrArray) shared = klynge_due_diligence_list_shared_members (report);
  KlyngeOverlap *xy, *xz, *yz;

  ck_assert_uint_eq (klynge_due_diligence_count_members_of (report, "x"), 3);
  ck_assert_uint_eq (klynge_due_diligence_count_members_of (report, "y"), 3);
  ck_assert_uint_eq (klynge_due_diligence_count_members_of (report, "z"), 1);
  ck_assert_uint_eq (klynge_due_diligence_count_members_of (report, "nobody"), 0);
  ck_assert_uint_eq (klynge_due_diligence_count_combined_members (report), 4);

  ck_assert_uint_eq (overlaps->len, 3);
  xy = g_ptr_array_index (overlaps, 0);
  xz = g_ptr_array_index (overlaps, 1);
  yz = g_ptr_array_index (overlaps, 2);
  ck_assert_str_eq (klynge_overlap_get_a (xy), "x");
  ck_assert_str_eq (klynge_overlap_get_b (xy), "y");
  ck_assert_uint_eq (klynge_overlap_get_shared (xy), 2);
  ck_assert_uint_eq (klynge_overlap_get_union (xy), 4);
  ck_assert (klynge_overlap_get_jaccard (xy) == 0.5);
  ck_assert_str_eq (klynge_overlap_get_b (xz), "z");
  ck_assert_uint_eq (klynge_overlap_get_shared (xz), 1);
  ck_assert_uint_eq (klynge_overlap_get_union (xz), 3);
  ck_assert_uint_eq (klynge_overlap_get_shared (yz), 1);

  ck_assert_uint_eq (shared->len, 2);
  ck_assert_str_eq (klynge_record_get_id (g_ptr_array_index (shared, 0)), "m2");
  ck_assert_str_eq (klynge_record_get_id (g_ptr_array_index (shared, 1)), "m3");

  ck_assert_uint_eq (klynge_due_diligence_count_by_kind (report, KLYNGE_MEMBER_KIND_COMPANY), 2);
  ck_assert_uint_eq (klynge_due_diligence_count_by_kind (report, KLYNGE_MEMBER_KIND_KNOWLEDGE_INSTITUTION), 1);
  ck_assert_uint_eq (klynge_due_diligence_count_by_kind (report, KLYNGE_MEMBER_KIND_PUBLIC), 1);
  ck_assert_uint_eq (klynge_due_diligence_count_by_kind (report, KLYNGE_MEMBER_KIND_OTHER), 0);
  ck_assert_uint_eq (klynge_due_diligence_count_by_size (report, KLYNGE_MEMBER_SIZE_LARGE), 2);
  ck_assert_uint_eq (klynge_due_diligence_count_by_size (report, KLYNGE_MEMBER_SIZE_SME), 1);
  ck_assert_uint_eq (klynge_due_diligence_count_by_size (report, KLYNGE_MEMBER_SIZE_UNKNOWN), 1);
  ck_assert_uint_eq (klynge_due_diligence_count_by_size (report, KLYNGE_MEMBER_SIZE_MICRO), 0);
}
END_TEST

START_TEST (test_members_whose_membership_ended_before_the_date_do_not_count)
{
  g_autoptr(KlyngeLandscape) landscape = synthetic_landscape ();
  const char *ids[] = { "x", "y", NULL };
  g_autoptr(KlyngeDueDiligence) early = report_on (landscape, ids, "2023-06-01");
  g_autoptr(KlyngeDueDiligence) late = report_on (landscape, ids, "2025-01-01");

  ck_assert_uint_eq (klynge_due_diligence_count_members_of (early, "y"), 4);   /* m5 still */
  ck_assert_uint_eq (klynge_due_diligence_count_members_of (late, "x"), 2);    /* m3 ended */
  ck_assert_uint_eq (klynge_due_diligence_count_combined_members (late), 4);
}
END_TEST

START_TEST (test_members_whose_membership_begins_after_the_date_do_not_count)
{
  g_autoptr(KlyngeLandscape) landscape = synthetic_landscape ();
  const char *ids[] = { "x", "z", NULL };
  g_autoptr(KlyngeDueDiligence) report = NULL;

  klynge_test_add_membership (landscape, "z", "m5", "2024-07-02", NULL);
  report = report_on (landscape, ids, "2024-07-01");
  ck_assert_uint_eq (klynge_due_diligence_count_members_of (report, "z"), 1);
  ck_assert_uint_eq (klynge_due_diligence_count_combined_members (report), 3);
}
END_TEST

/* The organisations x, y (3 members each on 2024-07-01, 2 shared, 4
 * together, 2 companies) and e (no members), with their member lists
 * stated as the row says: only complete lists give exact counts. */
static const struct {
  const char *name;
  KlyngeMemberList lists[3];     /* x, y, e */
  const char *x, *y, *e, *combined, *companies;
  gboolean xy_exact;
} certainty_cases[] = {
  { "all complete", { KLYNGE_MEMBER_LIST_COMPLETE, KLYNGE_MEMBER_LIST_COMPLETE, KLYNGE_MEMBER_LIST_COMPLETE },
    "3", "3", "0", "4", "2", TRUE },
  { "one partial", { KLYNGE_MEMBER_LIST_COMPLETE, KLYNGE_MEMBER_LIST_PARTIAL, KLYNGE_MEMBER_LIST_COMPLETE },
    "3", "at least 3", "0", "at least 4", "at least 2", FALSE },
  { "the empty one unknown", { KLYNGE_MEMBER_LIST_COMPLETE, KLYNGE_MEMBER_LIST_COMPLETE, KLYNGE_MEMBER_LIST_UNKNOWN },
    "3", "3", "not known", "at least 4", "at least 2", TRUE },
  { "the empty one partial", { KLYNGE_MEMBER_LIST_COMPLETE, KLYNGE_MEMBER_LIST_COMPLETE, KLYNGE_MEMBER_LIST_PARTIAL },
    "3", "3", "not known", "at least 4", "at least 2", TRUE },
  { "all unknown", { KLYNGE_MEMBER_LIST_UNKNOWN, KLYNGE_MEMBER_LIST_UNKNOWN, KLYNGE_MEMBER_LIST_UNKNOWN },
    "at least 3", "at least 3", "not known", "at least 4", "at least 2", FALSE },
};

static char *
format_count (const KlyngeCount *count)
{
  return klynge_count_format (count);
}

START_TEST (test_member_counts_are_exact_only_over_complete_member_lists)
{
  g_autoptr(KlyngeLandscape) landscape = synthetic_landscape ();
  const char *ids[] = { "x", "y", "e", NULL };
  g_autoptr(KlyngeDueDiligence) report = NULL;
  g_autoptr(GPtrArray) overlaps = NULL;
  g_autofree char *x = NULL, *y = NULL, *e = NULL, *combined = NULL, *companies = NULL;
  KlyngeCount count;
  KlyngeOverlap *xy;
  double jaccard = -1;
  gboolean all_complete = TRUE;

  add_org (landscape, "e", NULL, NULL);
  for (guint i = 0; i < 3; i++)
    {
      klynge_organisation_set_member_list (KLYNGE_ORGANISATION (klynge_landscape_lookup (landscape, ids[i])),
                                           certainty_cases[_i].lists[i]);
      all_complete = all_complete && certainty_cases[_i].lists[i] == KLYNGE_MEMBER_LIST_COMPLETE;
    }
  report = report_on (landscape, ids, "2024-07-01");

  klynge_due_diligence_get_member_count (report, "x", &count);
  x = format_count (&count);
  klynge_due_diligence_get_member_count (report, "y", &count);
  y = format_count (&count);
  klynge_due_diligence_get_member_count (report, "e", &count);
  e = format_count (&count);
  klynge_due_diligence_get_combined_member_count (report, &count);
  combined = format_count (&count);
  klynge_due_diligence_get_kind_count (report, KLYNGE_MEMBER_KIND_COMPANY, &count);
  companies = format_count (&count);
  ck_assert_str_eq (x, certainty_cases[_i].x);
  ck_assert_str_eq (y, certainty_cases[_i].y);
  ck_assert_str_eq (e, certainty_cases[_i].e);
  ck_assert_str_eq (combined, certainty_cases[_i].combined);
  ck_assert_str_eq (companies, certainty_cases[_i].companies);
  ck_assert_int_eq (klynge_due_diligence_is_exact (report), all_complete);
  /* the old getters give the known part */
  ck_assert_uint_eq (klynge_due_diligence_count_combined_members (report), 4);

  overlaps = klynge_due_diligence_get_overlaps (report);
  xy = g_ptr_array_index (overlaps, 0);
  ck_assert_int_eq (klynge_overlap_is_exact (xy), certainty_cases[_i].xy_exact);
  ck_assert_int_eq (klynge_overlap_get_exact_jaccard (xy, &jaccard), certainty_cases[_i].xy_exact);
  ck_assert (jaccard == (certainty_cases[_i].xy_exact ? 0.5 : 0.0));
  klynge_overlap_get_shared_count (xy, &count);
  ck_assert_uint_eq (count.value, 2);
  ck_assert_int_eq (count.certainty, certainty_cases[_i].xy_exact ? KLYNGE_COUNT_CERTAINTY_EXACT
                                                                  : KLYNGE_COUNT_CERTAINTY_AT_LEAST);
}
END_TEST

/* Replaces the landscape's memberships of @member in @organisation with
 * one since @since with @role. */
static void
set_role (KlyngeLandscape      *landscape,
          const char           *organisation,
          const char           *member,
          const char           *since,
          KlyngeMembershipRole  role)
{
  g_autoptr(GError) error = NULL;
  KlyngeDate s = klynge_test_date (since);

  ck_assert (klynge_landscape_remove_membership (landscape, organisation, member, NULL, &error));
  ck_assert (klynge_landscape_add_membership_full (landscape, organisation, member, &s, NULL, role,
                                                   KLYNGE_MEMBERSHIP_END_NONE, &error));
  ck_assert_no_error (error);
}

START_TEST (test_members_count_by_their_strongest_role)
{
  g_autoptr(KlyngeLandscape) landscape = synthetic_landscape ();
  const char *ids[] = { "x", "y", NULL };
  g_autoptr(KlyngeDueDiligence) report = NULL;
  g_autofree char *text = NULL;
  KlyngeCount members, partners, participants;

  /* on 2024-07-01: x has m1 m2 m3, y has m2 m3 m4. m1 partner of x;
   * m2 participant in x, member of y: a member; m4 participant in y */
  set_role (landscape, "x", "m1", "2015", KLYNGE_MEMBERSHIP_ROLE_PARTNER);
  set_role (landscape, "x", "m2", "2016", KLYNGE_MEMBERSHIP_ROLE_PARTICIPANT);
  set_role (landscape, "y", "m4", "2010", KLYNGE_MEMBERSHIP_ROLE_PARTICIPANT);
  klynge_organisation_set_member_list (KLYNGE_ORGANISATION (klynge_landscape_lookup (landscape, "x")),
                                       KLYNGE_MEMBER_LIST_COMPLETE);
  report = report_on (landscape, ids, "2024-07-01");

  klynge_due_diligence_get_role_count (report, KLYNGE_MEMBERSHIP_ROLE_MEMBER, &members);
  klynge_due_diligence_get_role_count (report, KLYNGE_MEMBERSHIP_ROLE_PARTNER, &partners);
  klynge_due_diligence_get_role_count (report, KLYNGE_MEMBERSHIP_ROLE_PARTICIPANT, &participants);
  ck_assert_uint_eq (members.value, 2);        /* m2 m3 */
  ck_assert_uint_eq (partners.value, 1);       /* m1 */
  ck_assert_uint_eq (participants.value, 1);   /* m4 */
  /* y's list is not complete: each is a lower bound */
  ck_assert_int_eq (members.certainty, KLYNGE_COUNT_CERTAINTY_AT_LEAST);
  ck_assert_int_eq (participants.certainty, KLYNGE_COUNT_CERTAINTY_AT_LEAST);

  text = klynge_due_diligence_to_text (report);
  ck_assert_msg (strstr (text, "Members by role\n  member                   at least 2\n"
                               "  partner                  at least 1\n"
                               "  participant              at least 1\n") != NULL, "%s", text);
}
END_TEST

START_TEST (test_report_text_prints_no_bare_count_of_members_not_known)
{
  g_autoptr(KlyngeLandscape) landscape = synthetic_landscape ();
  const char *ids[] = { "x", "e", NULL };
  g_autoptr(KlyngeDueDiligence) report = NULL;
  g_autofree char *text = NULL;

  add_org (landscape, "e", NULL, NULL);
  klynge_organisation_set_member_list (KLYNGE_ORGANISATION (klynge_landscape_lookup (landscape, "x")),
                                       KLYNGE_MEMBER_LIST_PARTIAL);
  report = report_on (landscape, ids, "2024-07-01");
  text = klynge_due_diligence_to_text (report);
  ck_assert_msg (strstr (text, "Members (memberships active on 2024-07-01)\n"
                               "  x          at least 3  (member list partial)\n"
                               "  e           not known  (member list unknown)\n"
                               "  combined   at least 3\n") != NULL, "%s", text);
  ck_assert_msg (strstr (text, "  x – e: shared not known, together at least 3 (Jaccard not known)\n") != NULL,
                 "%s", text);
  ck_assert_msg (strstr (text, "  company                  at least 2\n") != NULL, "%s", text);
  ck_assert_msg (strstr (text, "  other                     not known\n") != NULL, "%s", text);
}
END_TEST

START_TEST (test_funding_by_source_for_the_year_before_and_after)
{
  g_autoptr(KlyngeLandscape) landscape = synthetic_landscape ();
  const char *ids[] = { "x", "y", NULL };
  g_autoptr(KlyngeDueDiligence) report = report_on (landscape, ids, "2024-07-01");
  const char * const *sources = klynge_due_diligence_get_funding_sources (report);
  g_autofree char *before = klynge_period_to_string (klynge_due_diligence_get_year_before (report));
  g_autofree char *after = klynge_period_to_string (klynge_due_diligence_get_year_after (report));

  ck_assert_str_eq (before, "2023-07-01..2024-06-30");
  ck_assert_str_eq (after, "2024-07-01..2025-06-30");
  ck_assert_uint_eq (g_strv_length ((char **) sources), 2);
  ck_assert_str_eq (sources[0], "siu");
  ck_assert_str_eq (sources[1], "es");
  /* agrees with the funding API, holder by holder */
  for (guint i = 0; i < 2; i++)
    {
      gint64 b = 0, a = 0;

      for (guint h = 0; ids[h] != NULL; h++)
        {
          b += klynge_landscape_funding_paid (landscape, sources[i], ids[h], klynge_due_diligence_get_year_before (report));
          a += klynge_landscape_funding_paid (landscape, sources[i], ids[h], klynge_due_diligence_get_year_after (report));
        }
      ck_assert_int_eq (klynge_due_diligence_get_funding_before (report, sources[i]), b);
      ck_assert_int_eq (klynge_due_diligence_get_funding_after (report, sources[i]), a);
    }
  /* es: half of x-2024 (36600 øre over 366 days): 182 days before, 184 after */
  ck_assert_int_eq (klynge_due_diligence_get_funding_before (report, "es"), 9100);
  ck_assert_int_eq (klynge_due_diligence_get_funding_after (report, "es"), 9200);
  /* siu: the other half of x-2024, y-2023 from July (184 of 365 days) and
   * y-2024's first year (365 of 730 days) */
  ck_assert_int_eq (klynge_due_diligence_get_funding_before (report, "siu"), 9100 + 18400);
  ck_assert_int_eq (klynge_due_diligence_get_funding_after (report, "siu"), 9200 + 36500);
  ck_assert_int_eq (klynge_due_diligence_get_funding_before (report, NULL), 9100 + 9100 + 18400);
  ck_assert_int_eq (klynge_due_diligence_get_funding_after (report, NULL), 9200 + 9200 + 36500);
  ck_assert_int_eq (klynge_due_diligence_get_funding_after (report, "eu"), 0);
}
END_TEST

/* A grant of unknown amount is counted beside the sums, per source and
 * once in the total however many sources share it; never added as 0. */
START_TEST (test_funding_counts_grants_of_unknown_amount_apart)
{
  g_autoptr(KlyngeLandscape) landscape = synthetic_landscape ();
  const char *ids[] = { "x", "y", NULL };
  g_autoptr(KlyngeDueDiligence) report = NULL;
  g_autoptr(KlyngeDueDiligence) plain = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  KlyngeContract *contract;

  plain = report_on (landscape, ids, "2024-07-01");
  /* y's grant in the year after, of unknown amount, shared by siu and es */
  add_contract (landscape, "y-unknown", "y", "2025-01-01", "2025-12-31", 100, "siu", "es");
  contract = KLYNGE_CONTRACT (klynge_landscape_lookup (landscape, "y-unknown"));
  ck_assert (klynge_record_set_note (KLYNGE_RECORD (contract), "The grant letter gives no amount.", &error));
  klynge_contract_set_amount_unknown (contract);
  report = report_on (landscape, ids, "2024-07-01");

  ck_assert_uint_eq (klynge_due_diligence_get_n_unknown_before (report, NULL), 0);
  ck_assert_uint_eq (klynge_due_diligence_get_n_unknown_after (report, NULL), 1);
  ck_assert_uint_eq (klynge_due_diligence_get_n_unknown_after (report, "siu"), 1);
  ck_assert_uint_eq (klynge_due_diligence_get_n_unknown_after (report, "es"), 1);
  ck_assert_uint_eq (klynge_due_diligence_get_n_unknown_after (report, "eu"), 0);
  ck_assert_uint_eq (klynge_due_diligence_get_n_unknown_after (plain, NULL), 0);
  /* the sums are what is known: the same as without the grant */
  ck_assert_int_eq (klynge_due_diligence_get_funding_after (report, NULL),
                    klynge_due_diligence_get_funding_after (plain, NULL));
  text = klynge_due_diligence_to_text (report);
  ck_assert_ptr_nonnull (strstr (text, "plus grants of unknown amount: 0 before, 1 after"));
}
END_TEST

START_TEST (test_contracts_that_move_end_or_conflict)
{
  g_autoptr(KlyngeLandscape) landscape = synthetic_landscape ();
  const char *ids[] = { "x", "y", "z", NULL };
  g_autoptr(KlyngeDueDiligence) report = report_on (landscape, ids, "2024-07-01");
  g_autoptr(GPtrArray) moving = klynge_due_diligence_list_moving_contracts (report);
  g_autoptr(GPtrArray) ending = klynge_due_diligence_list_ending_contracts (report);
  g_autoptr(GPtrArray) conflicts = klynge_due_diligence_get_conflicts (report);
  KlyngeContractConflict *conflict;
  g_autofree char *period = NULL;

  ck_assert_uint_eq (moving->len, 3);
  ck_assert_str_eq (klynge_record_get_id (g_ptr_array_index (moving, 0)), "x-2024");
  ck_assert_str_eq (klynge_record_get_id (g_ptr_array_index (moving, 1)), "y-2024");
  ck_assert_str_eq (klynge_record_get_id (g_ptr_array_index (moving, 2)), "z-eu");
  ck_assert_uint_eq (ending->len, 1);
  ck_assert_str_eq (klynge_record_get_id (g_ptr_array_index (ending, 0)), "x-2024");

  ck_assert_uint_eq (conflicts->len, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  period = klynge_period_to_string (klynge_contract_conflict_get_period (conflict));
  ck_assert_str_eq (klynge_contract_conflict_get_a (conflict), "x-2024");
  ck_assert_str_eq (klynge_contract_conflict_get_b (conflict), "y-2024");
  ck_assert_str_eq (klynge_contract_conflict_get_source (conflict), "siu");
  ck_assert_str_eq (period, "2024-07-01..2024-12-31");
}
END_TEST

START_TEST (test_focus_area_and_city_coverage)
{
  g_autoptr(KlyngeLandscape) landscape = synthetic_landscape ();
  const char *ids[] = { "x", "y", "z", NULL };
  g_autoptr(KlyngeDueDiligence) report = report_on (landscape, ids, "2024-07-01");
  const char * const *areas = klynge_due_diligence_get_focus_areas (report);
  const char * const *cities = klynge_due_diligence_get_cities (report);

  ck_assert_uint_eq (g_strv_length ((char **) areas), 2);
  ck_assert_str_eq (areas[0], "energy");
  ck_assert_str_eq (areas[1], "water");
  ck_assert_uint_eq (klynge_due_diligence_count_focus_area (report, "energy"), 2);
  ck_assert_uint_eq (klynge_due_diligence_count_focus_area (report, "water"), 1);
  ck_assert_uint_eq (klynge_due_diligence_count_focus_area (report, "space"), 0);
  ck_assert_uint_eq (g_strv_length ((char **) cities), 2);
  ck_assert_str_eq (cities[0], "Aarhus");
  ck_assert_uint_eq (klynge_due_diligence_count_city (report, "Aarhus"), 2);
  ck_assert_uint_eq (klynge_due_diligence_count_city (report, "Vejle"), 1);
  ck_assert (!klynge_due_diligence_is_blocked (report));
}
END_TEST

START_TEST (test_real_predecessors_of_ecd_report_their_shared_members)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new_default ();
  const char *ids[] = { "house-of-energy", "eic", NULL };
  g_autoptr(KlyngeDueDiligence) report = NULL;
  g_autoptr(GPtrArray) shared = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *text = NULL;

  /* synthetic members, in the test only */
  add_member (landscape, "test-member-1", KLYNGE_MEMBER_KIND_COMPANY, KLYNGE_MEMBER_SIZE_SME);
  add_member (landscape, "test-member-2", KLYNGE_MEMBER_KIND_KNOWLEDGE_INSTITUTION, KLYNGE_MEMBER_SIZE_LARGE);
  add_member (landscape, "test-member-3", KLYNGE_MEMBER_KIND_COMPANY, KLYNGE_MEMBER_SIZE_SMALL);
  klynge_test_add_membership (landscape, "house-of-energy", "test-member-1", "2018", NULL);
  klynge_test_add_membership (landscape, "house-of-energy", "test-member-2", "2018", NULL);
  klynge_test_add_membership (landscape, "eic", "test-member-2", "2019", NULL);
  klynge_test_add_membership (landscape, "eic", "test-member-3", "2019", NULL);

  report = report_on (landscape, ids, "2020-01-01");
  shared = klynge_due_diligence_list_shared_members (report);
  ck_assert_uint_eq (shared->len, 1);
  ck_assert_str_eq (klynge_record_get_id (g_ptr_array_index (shared, 0)), "test-member-2");
  ck_assert_uint_eq (klynge_due_diligence_count_combined_members (report), 3);

  /* they were merged into ecd later: that blocks merging them again */
  ck_assert (klynge_due_diligence_is_blocked (report));
  problems = klynge_due_diligence_get_problems (report);
  ck_assert_uint_eq (problems->len, 2);
  ck_assert_int_eq (klynge_problem_get_code (g_ptr_array_index (problems, 0)),
                    KLYNGE_ERROR_MERGER_PREDECESSOR_INACTIVE);

  text = klynge_due_diligence_to_text (report);
  ck_assert (strstr (text, "test-member-2") != NULL);
  /* the built-in member lists are not known to be complete */
  ck_assert (strstr (text, "house-of-energy – eic: shared at least 1, together at least 3 (Jaccard not known)") != NULL);
  ck_assert (strstr (text, "merger-2020-ecd") != NULL);
}
END_TEST

typedef struct {
  const char *name;
  const char *ids[4];
  int code;
} BadInput;

static const BadInput bad_inputs[] = {
  { "one organisation", { "x", NULL }, KLYNGE_ERROR_TOO_FEW_PARTIES },
  { "no organisation", { NULL }, KLYNGE_ERROR_TOO_FEW_PARTIES },
  { "unknown id", { "x", "nobody", NULL }, KLYNGE_ERROR_UNRESOLVED_REFERENCE },
  { "a member", { "x", "m1", NULL }, KLYNGE_ERROR_WRONG_REFERENCE_KIND },
  { "a funding source", { "siu", "x", NULL }, KLYNGE_ERROR_WRONG_REFERENCE_KIND },
  { "named twice", { "x", "y", "x", NULL }, KLYNGE_ERROR_DUPLICATE_ID },
  /* the message quoted the bytes as they were (found by fuzz/fuzz-api.c) */
  { "an id that is not UTF-8", { "x", "\xc3", NULL }, KLYNGE_ERROR_UNRESOLVED_REFERENCE },
};

START_TEST (test_bad_input_is_refused_with_its_code)
{
  const BadInput *bad = &bad_inputs[_i];
  g_autoptr(KlyngeLandscape) landscape = synthetic_landscape ();
  g_autoptr(GError) error = NULL;
  KlyngeDate d = klynge_test_date ("2024-07-01");
  KlyngeDueDiligence *report = klynge_landscape_due_diligence (landscape, bad->ids, &d, &error);

  ck_assert_msg (report == NULL, "%s", bad->name);
  ck_assert_msg (error != NULL && g_utf8_validate (error->message, -1, NULL),
                 "%s: no message, or not UTF-8", bad->name);
  ck_assert_klynge_error (error, bad->code);
}
END_TEST

/* In the year before 2024-07-01 x and y are paid 36600 øre by siu and es,
 * in the year after 45700 by siu and 9200 by es. Contracts from eu are
 * added for x and y; where a sum (eu's, or the total over sources)
 * exceeded KLYNGE_MONEY_MAX, the report showed a negative figure (signed
 * overflow, which UBSan reports): now there is no report, and the error
 * says why. */
static const struct {
  const char *start, *end;       /* of the eu contracts */
  gint64 x, y;                   /* their amounts; 0: none for y */
  gint64 eu_before, total_before;
  gboolean refused;              /* with KLYNGE_ERROR_OVERFLOW */
} large_funding[] = {
  /* the total is exactly the largest amount */
  { "2023-07-01", "2024-06-30", KLYNGE_MONEY_MAX - 36600, 0, KLYNGE_MONEY_MAX - 36600, KLYNGE_MONEY_MAX, FALSE },
  /* eu's sum over x and y exceeds it */
  { "2023-07-01", "2024-06-30", KLYNGE_MONEY_MAX - 36600, KLYNGE_MONEY_MAX, 0, 0, TRUE },
  /* each source's sum fits, the total over sources does not */
  { "2023-07-01", "2024-06-30", KLYNGE_MONEY_MAX - 36599, 0, 0, 0, TRUE },
  /* the same in the year after */
  { "2024-07-01", "2025-06-30", KLYNGE_MONEY_MAX - 54899, 0, 0, 0, TRUE },
};

START_TEST (test_funding_above_the_largest_amount_refuses_the_report)
{
  g_autoptr(KlyngeLandscape) landscape = synthetic_landscape ();
  const char *ids[] = { "x", "y", NULL };
  g_autoptr(GError) error = NULL;
  KlyngeDate d = klynge_test_date ("2024-07-01");
  g_autoptr(KlyngeDueDiligence) report = NULL;

  add_contract (landscape, "x-big", "x", large_funding[_i].start, large_funding[_i].end,
                large_funding[_i].x, "eu", NULL);
  if (large_funding[_i].y > 0)
    add_contract (landscape, "y-big", "y", large_funding[_i].start, large_funding[_i].end,
                  large_funding[_i].y, "eu", NULL);
  report = klynge_landscape_due_diligence (landscape, ids, &d, &error);
  if (large_funding[_i].refused)
    {
      ck_assert_ptr_null (report);
      ck_assert_klynge_error (error, KLYNGE_ERROR_OVERFLOW);
      return;
    }
  ck_assert_no_error (error);
  ck_assert_int_eq (klynge_due_diligence_get_funding_before (report, "eu"), large_funding[_i].eu_before);
  ck_assert_int_eq (klynge_due_diligence_get_funding_before (report, NULL), large_funding[_i].total_before);
}
END_TEST

START_TEST (test_report_as_text_has_every_section)
{
  g_autoptr(KlyngeLandscape) landscape = synthetic_landscape ();
  const char *ids[] = { "x", "y", NULL };
  g_autoptr(KlyngeDueDiligence) report = report_on (landscape, ids, "2024-07-01");
  g_autofree char *text = klynge_due_diligence_to_text (report);
  const char *sections[] = { "Due diligence: x, y on 2024-07-01", "Blocked: no", "Members (",
                             "Overlap", "Shared members", "Members by kind", "Members by size", "Members by role",
                             "Funding by source (DKK)", "Contracts moving to the successor",
                             "Contract conflicts", "Focus areas", "Cities", "Problems" };

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    ck_assert_msg (strstr (text, sections[i]) != NULL, "no “%s” in\n%s", sections[i], text);
  ck_assert (strstr (text, "x-2024 and y-2024: both paid by siu for 2024-07-01..2024-12-31") != NULL);
  ck_assert (g_str_has_suffix (text, "\n"));
}
END_TEST

static Suite *
due_diligence_suite (void)
{
  Suite *suite = suite_create ("due-diligence");
  TCase *members = tcase_create ("members");
  TCase *money = tcase_create ("funding and contracts");
  TCase *other = tcase_create ("coverage, problems, input");

  tcase_add_test (members, test_overlap_per_pair_and_combined_members);
  tcase_add_test (members, test_members_count_by_their_strongest_role);
  tcase_add_test (members, test_members_whose_membership_ended_before_the_date_do_not_count);
  tcase_add_test (members, test_real_predecessors_of_ecd_report_their_shared_members);
  tcase_add_test (members, test_members_whose_membership_begins_after_the_date_do_not_count);
  tcase_add_loop_test (members, test_member_counts_are_exact_only_over_complete_member_lists,
                       0, G_N_ELEMENTS (certainty_cases));
  tcase_add_test (members, test_report_text_prints_no_bare_count_of_members_not_known);
  suite_add_tcase (suite, members);

  tcase_add_test (money, test_funding_by_source_for_the_year_before_and_after);
  tcase_add_test (money, test_funding_counts_grants_of_unknown_amount_apart);
  tcase_add_test (money, test_contracts_that_move_end_or_conflict);
  tcase_add_loop_test (money, test_funding_above_the_largest_amount_refuses_the_report, 0,
                       G_N_ELEMENTS (large_funding));
  suite_add_tcase (suite, money);

  tcase_add_test (other, test_focus_area_and_city_coverage);
  tcase_add_loop_test (other, test_bad_input_is_refused_with_its_code, 0, G_N_ELEMENTS (bad_inputs));
  tcase_add_test (other, test_report_as_text_has_every_section);
  suite_add_tcase (suite, other);
  return suite;
}

int
main (void)
{
  return klynge_test_run (due_diligence_suite ());
}
