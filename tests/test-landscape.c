/* test-landscape.c: KlyngeLandscape — records, listings, filters,
 * memberships, removal, validation and a large landscape
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every name and id here is synthetic.
 */
#include "config.h"

#include <string.h>

#include "klynge-test.h"
#include "klynge-landscape-private.h"

/* --- helpers ------------------------------------------------------------ */

#define add_ok(landscape, record) \
  do { \
    g_autoptr(GError) add_error_ = NULL; \
    gboolean added_ = klynge_landscape_add ((landscape), KLYNGE_RECORD (record), &add_error_); \
    ck_assert_no_error (add_error_); \
    ck_assert (added_); \
  } while (0)

#define add_membership_ok(landscape, org, member, since, until) \
  do { \
    g_autoptr(GError) mem_error_ = NULL; \
    KlyngeDate since_ = klynge_test_date (since); \
    KlyngeDate until_ = klynge_test_date (until); \
    gboolean added_ = klynge_landscape_add_membership ((landscape), (org), (member), \
                                                       (since) ? &since_ : NULL, \
                                                       (until) ? &until_ : NULL, \
                                                       &mem_error_); \
    ck_assert_no_error (mem_error_); \
    ck_assert (added_); \
  } while (0)

static KlyngeOrganisation *
org_new (const char             *id,
         KlyngeOrganisationKind  kind,
         const char             *founded,
         const char             *dissolved,
         const char             *city,
         const char             *focus_area)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("Synthetic organisation %s", id);
  KlyngeOrganisation *org = klynge_organisation_new (id, kind, name);

  if (founded != NULL)
    {
      KlyngeDate d = klynge_test_date (founded);
      ck_assert (klynge_organisation_set_founded (org, &d, &error));
    }
  if (dissolved != NULL)
    {
      KlyngeDate d = klynge_test_date (dissolved);
      ck_assert (klynge_organisation_set_dissolved (org, &d, &error));
    }
  if (city != NULL)
    {
      g_autoptr(KlyngeLocation) location = klynge_location_new (city, NULL, NULL, &error);
      ck_assert_no_error (error);
      klynge_organisation_add_location (org, location);
    }
  if (focus_area != NULL)
    ck_assert (klynge_organisation_add_focus_area (org, focus_area, &error));
  ck_assert_no_error (error);
  return org;
}

static KlyngeMember *
member_new (const char *id)
{
  g_autofree char *name = g_strdup_printf ("Synthetic member %s", id);
  return klynge_member_new (id, KLYNGE_MEMBER_KIND_COMPANY, name);
}

static KlyngeFundingSource *
source_new (const char *id)
{
  g_autofree char *name = g_strdup_printf ("Synthetic source %s", id);
  return klynge_funding_source_new (id, KLYNGE_FUNDING_SOURCE_KIND_NATIONAL_AGENCY, name);
}

/* A contract; the varargs are (source id, basis points) pairs ending in NULL. */
static KlyngeContract *
contract_new (const char *id,
              const char *holder,
              const char *renews,
              ...)
{
  g_autoptr(GError) error = NULL;
  /* within the life of org-c, which holds them, founded 2014 and dissolved 2021-03 */
  KlyngeDate start = klynge_test_date ("2019-10-01"), end = klynge_test_date ("2021-03-31");
  KlyngePeriod period;
  KlyngeContract *contract;
  const char *source;
  va_list args;

  ck_assert (klynge_period_init (&period, &start, &end, &error));
  contract = klynge_contract_new (id, holder, &period, 800000000);
  if (renews != NULL)
    ck_assert (klynge_contract_set_renews (contract, renews, &error));
  va_start (args, renews);
  while ((source = va_arg (args, const char *)) != NULL)
    {
      guint bp = va_arg (args, guint);
      g_autoptr(KlyngeShare) share = klynge_share_new (source, bp, &error);
      ck_assert_no_error (error);
      ck_assert (klynge_contract_add_share (contract, share, &error));
    }
  va_end (args);
  ck_assert_no_error (error);
  return contract;
}

/* A merger; the varargs are predecessor ids ending in NULL. */
static KlyngeMerger *
merger_new (const char       *id,
            KlyngeMergerKind  kind,
            const char       *successor,
            const char       *effective,
            ...)
{
  g_autoptr(GError) error = NULL;
  KlyngeDate eff = klynge_test_date (effective);
  KlyngeMerger *merger = klynge_merger_new (id, kind, successor, &eff);
  const char *predecessor;
  va_list args;

  va_start (args, effective);
  while ((predecessor = va_arg (args, const char *)) != NULL)
    ck_assert (klynge_merger_add_predecessor (merger, predecessor, &error));
  va_end (args);
  ck_assert_no_error (error);
  return merger;
}

/* An initiative; the varargs are participant ids ending in NULL. */
static KlyngeInitiative *
initiative_new (const char *id,
                const char *host,
                const char *replaces,
                ...)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strdup_printf ("Synthetic initiative %s", id);
  KlyngeInitiative *initiative = klynge_initiative_new (id, KLYNGE_INITIATIVE_KIND_EVENT,
                                                        KLYNGE_INITIATIVE_THEME_PROFESSIONALISATION,
                                                        host, title);
  const char *participant;
  va_list args;

  if (replaces != NULL)
    ck_assert (klynge_initiative_set_replaces (initiative, replaces, &error));
  va_start (args, replaces);
  while ((participant = va_arg (args, const char *)) != NULL)
    ck_assert (klynge_initiative_add_participant (initiative, participant, &error));
  va_end (args);
  ck_assert_no_error (error);
  return initiative;
}

/* The ids of a record array, joined with spaces. */
static char *
ids_of (GPtrArray *records)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < records->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? " " : "",
                            klynge_record_get_id (g_ptr_array_index (records, i)));
  return g_string_free (out, FALSE);
}

/* "org member since..until" for each membership, joined with ", ". */
static char *
memberships_of (GPtrArray *memberships)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < memberships->len; i++)
    {
      KlyngeMembership *m = g_ptr_array_index (memberships, i);
      g_autofree char *since = klynge_date_to_string (klynge_membership_get_since (m));
      g_autofree char *until = klynge_date_to_string (klynge_membership_get_until (m));

      g_string_append_printf (out, "%s%s %s %s..%s", i > 0 ? ", " : "",
                              klynge_membership_get_organisation (m),
                              klynge_membership_get_member (m),
                              since ? since : "", until ? until : "");
    }
  return g_string_free (out, FALSE);
}

#define assert_ids(array, expected) \
  do { \
    g_autofree char *got_ = ids_of (array); \
    ck_assert_str_eq (got_, (expected)); \
  } while (0)

/*
 * The base landscape, one or more of each kind, added in an order that is
 * not alphabetical:
 *   funding sources  fs-two fs-one
 *   members          m-zeta m-alpha m-mid m-lone
 *   organisations    org-b (cluster, 2014-05-09..2020-06-30, Aalborg, energy)
 *                    org-a (innovation-network, 2015.., Odense, robotics)
 *                    org-c (support-body, 2014..2021-03, Aalborg, energy)
 *                    org-free (other, no references at all)
 *   contracts        c-1 (org-c; fs-two 50 %, fs-one 50 %), c-2 renews c-1
 *                    (org-c; fs-two 100 %)
 *   mergers          mg-1 absorption of org-b into org-c, proposed
 *   initiatives      in-1 (host org-c), in-2 replaces in-1 (participant org-a)
 *   memberships      org-b: m-zeta 2015, m-alpha 2016-03-01..2019-12-31
 *                    org-a: m-zeta 2017-01-01
 *                    org-free: m-mid 2018
 */
static KlyngeLandscape *
base_landscape (void)
{
  KlyngeLandscape *landscape = klynge_landscape_new ();
  g_autoptr(KlyngeFundingSource) fs_two = source_new ("fs-two");
  g_autoptr(KlyngeFundingSource) fs_one = source_new ("fs-one");
  g_autoptr(KlyngeMember) m_zeta = member_new ("m-zeta");
  g_autoptr(KlyngeMember) m_alpha = member_new ("m-alpha");
  g_autoptr(KlyngeMember) m_mid = member_new ("m-mid");
  g_autoptr(KlyngeMember) m_lone = member_new ("m-lone");
  g_autoptr(KlyngeOrganisation) org_b = org_new ("org-b", KLYNGE_ORGANISATION_KIND_CLUSTER,
                                                 "2014-05-09", "2020-06-30", "Aalborg", "energy");
  g_autoptr(KlyngeOrganisation) org_a = org_new ("org-a", KLYNGE_ORGANISATION_KIND_INNOVATION_NETWORK,
                                                 "2015", NULL, "Odense", "robotics");
  g_autoptr(KlyngeOrganisation) org_c = org_new ("org-c", KLYNGE_ORGANISATION_KIND_SUPPORT_BODY,
                                                 "2014", "2021-03", "Aalborg", "energy");
  g_autoptr(KlyngeOrganisation) org_free = org_new ("org-free", KLYNGE_ORGANISATION_KIND_OTHER,
                                                    NULL, NULL, NULL, NULL);
  g_autoptr(KlyngeContract) c1 = contract_new ("c-1", "org-c", NULL,
                                               "fs-two", 5000u, "fs-one", 5000u, NULL);
  g_autoptr(KlyngeContract) c2 = contract_new ("c-2", "org-c", "c-1", "fs-two", 10000u, NULL);
  g_autoptr(KlyngeMerger) mg1 = merger_new ("mg-1", KLYNGE_MERGER_KIND_ABSORPTION, "org-c",
                                            "2020-07-01", "org-b", NULL);
  g_autoptr(KlyngeInitiative) in1 = initiative_new ("in-1", "org-c", NULL, NULL);
  g_autoptr(KlyngeInitiative) in2 = initiative_new ("in-2", "org-c", "in-1", "org-a", NULL);
  g_autoptr(GError) error = NULL;

  ck_assert (klynge_organisation_add_focus_area (org_c, "cluster-development", &error));
  add_ok (landscape, fs_two);
  add_ok (landscape, fs_one);
  add_ok (landscape, m_zeta);
  add_ok (landscape, m_alpha);
  add_ok (landscape, m_mid);
  add_ok (landscape, m_lone);
  add_ok (landscape, org_b);
  add_ok (landscape, org_a);
  add_ok (landscape, org_c);
  add_ok (landscape, org_free);
  add_ok (landscape, c1);
  add_ok (landscape, c2);
  add_ok (landscape, mg1);
  add_ok (landscape, in1);
  add_ok (landscape, in2);
  add_membership_ok (landscape, "org-b", "m-zeta", "2015", NULL);
  add_membership_ok (landscape, "org-b", "m-alpha", "2016-03-01", "2019-12-31");
  add_membership_ok (landscape, "org-a", "m-zeta", "2017-01-01", NULL);
  add_membership_ok (landscape, "org-free", "m-mid", "2018", NULL);
  return landscape;
}

#define BASE_N_RECORDS 15u
#define BASE_N_MEMBERSHIPS 4u

/* --- records: add, lookup, contains, count ------------------------------ */

START_TEST (test_landscape_new_is_empty)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new ();
  g_autoptr(GPtrArray) all = klynge_landscape_list (landscape, KLYNGE_TYPE_RECORD);
  g_autoptr(GPtrArray) problems = klynge_landscape_validate (landscape);

  ck_assert_uint_eq (klynge_landscape_count (landscape, KLYNGE_TYPE_RECORD), 0);
  ck_assert_uint_eq (klynge_landscape_count_memberships (landscape), 0);
  ck_assert_uint_eq (all->len, 0);
  ck_assert_uint_eq (problems->len, 0);
  ck_assert_ptr_null (klynge_landscape_lookup (landscape, "anything"));
}
END_TEST

static const struct {
  const char *id;
  const char *type_name;
} kinds_by_id[] = {
  { "fs-one", "KlyngeFundingSource" },
  { "fs-two", "KlyngeFundingSource" },
  { "m-zeta", "KlyngeMember" },
  { "m-alpha", "KlyngeMember" },
  { "org-a", "KlyngeOrganisation" },
  { "org-free", "KlyngeOrganisation" },
  { "c-1", "KlyngeContract" },
  { "c-2", "KlyngeContract" },
  { "mg-1", "KlyngeMerger" },
  { "in-1", "KlyngeInitiative" },
  { "in-2", "KlyngeInitiative" },
};

START_TEST (test_landscape_lookup_finds_a_record_of_each_kind_by_id)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  KlyngeRecord *record = klynge_landscape_lookup (landscape, kinds_by_id[_i].id);

  ck_assert_ptr_nonnull (record);
  ck_assert_str_eq (klynge_record_get_id (record), kinds_by_id[_i].id);
  ck_assert_str_eq (G_OBJECT_TYPE_NAME (record), kinds_by_id[_i].type_name);
  ck_assert (klynge_landscape_contains (landscape, kinds_by_id[_i].id));
}
END_TEST

START_TEST (test_landscape_lookup_returns_the_added_object)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new ();
  g_autoptr(KlyngeOrganisation) org = org_new ("org-x", KLYNGE_ORGANISATION_KIND_CLUSTER,
                                               NULL, NULL, NULL, NULL);
  g_autoptr(KlyngeFundingSource) fs = source_new ("fs-x");

  add_ok (landscape, org);
  add_ok (landscape, fs);
  ck_assert_ptr_eq (klynge_landscape_lookup (landscape, "org-x"), org);
  ck_assert_ptr_eq (klynge_landscape_lookup (landscape, "fs-x"), fs);
}
END_TEST

START_TEST (test_landscape_lookup_of_an_unknown_id_is_null)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();

  ck_assert_ptr_null (klynge_landscape_lookup (landscape, "no-such-id"));
  ck_assert_ptr_null (klynge_landscape_lookup (landscape, "org"));
  ck_assert_ptr_null (klynge_landscape_lookup (landscape, "org-a-"));
  ck_assert_ptr_null (klynge_landscape_lookup (landscape, ""));
}
END_TEST

START_TEST (test_landscape_contains_every_added_id_and_nothing_else)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(GPtrArray) all = klynge_landscape_list (landscape, KLYNGE_TYPE_RECORD);

  for (guint i = 0; i < all->len; i++)
    ck_assert (klynge_landscape_contains (landscape, klynge_record_get_id (g_ptr_array_index (all, i))));
  ck_assert (!klynge_landscape_contains (landscape, "no-such-id"));
  ck_assert (!klynge_landscape_contains (landscape, "M-ZETA"));
}
END_TEST

START_TEST (test_landscape_count_counts_each_kind_and_all_records)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();

  ck_assert_uint_eq (klynge_landscape_count (landscape, KLYNGE_TYPE_FUNDING_SOURCE), 2);
  ck_assert_uint_eq (klynge_landscape_count (landscape, KLYNGE_TYPE_MEMBER), 4);
  ck_assert_uint_eq (klynge_landscape_count (landscape, KLYNGE_TYPE_ORGANISATION), 4);
  ck_assert_uint_eq (klynge_landscape_count (landscape, KLYNGE_TYPE_CONTRACT), 2);
  ck_assert_uint_eq (klynge_landscape_count (landscape, KLYNGE_TYPE_MERGER), 1);
  ck_assert_uint_eq (klynge_landscape_count (landscape, KLYNGE_TYPE_INITIATIVE), 2);
  ck_assert_uint_eq (klynge_landscape_count (landscape, KLYNGE_TYPE_RECORD), BASE_N_RECORDS);
  ck_assert_uint_eq (klynge_landscape_count_memberships (landscape), BASE_N_MEMBERSHIPS);
}
END_TEST

/* A new record whose id is already taken by a record of some kind. */
static KlyngeRecord *
duplicate_of (guint which)
{
  switch (which)
    {
    case 0: return KLYNGE_RECORD (source_new ("fs-one"));            /* same kind */
    case 1: return KLYNGE_RECORD (source_new ("org-a"));             /* an organisation's */
    case 2: return KLYNGE_RECORD (member_new ("m-zeta"));            /* same kind */
    case 3: return KLYNGE_RECORD (member_new ("c-1"));               /* a contract's */
    case 4: return KLYNGE_RECORD (org_new ("m-alpha", KLYNGE_ORGANISATION_KIND_CLUSTER,
                                           NULL, NULL, NULL, NULL)); /* a member's */
    case 5: return KLYNGE_RECORD (org_new ("org-b", KLYNGE_ORGANISATION_KIND_CLUSTER,
                                           NULL, NULL, NULL, NULL)); /* same kind */
    case 6: return KLYNGE_RECORD (contract_new ("fs-two", "org-c", NULL, "fs-one", 10000u, NULL));
    case 7: return KLYNGE_RECORD (merger_new ("in-1", KLYNGE_MERGER_KIND_ABSORPTION, "org-c",
                                              "2020", "org-a", NULL));
    case 8: return KLYNGE_RECORD (initiative_new ("mg-1", "org-c", NULL, NULL));
    case 9: return KLYNGE_RECORD (initiative_new ("in-2", "org-c", NULL, NULL));
    default: g_assert_not_reached ();
    }
}

START_TEST (test_landscape_add_refuses_an_id_taken_by_any_kind_and_changes_nothing)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(KlyngeRecord) duplicate = duplicate_of (_i);
  const char *id = klynge_record_get_id (duplicate);
  KlyngeRecord *before = klynge_landscape_lookup (landscape, id);
  GType kind = G_OBJECT_TYPE (duplicate);
  guint n_kind = klynge_landscape_count (landscape, kind);
  g_autoptr(GError) error = NULL;

  ck_assert_ptr_nonnull (before);
  ck_assert (!klynge_landscape_add (landscape, duplicate, &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_DUPLICATE_ID);
  ck_assert_ptr_eq (klynge_landscape_lookup (landscape, id), before);
  ck_assert_uint_eq (klynge_landscape_count (landscape, KLYNGE_TYPE_RECORD), BASE_N_RECORDS);
  ck_assert_uint_eq (klynge_landscape_count (landscape, kind), n_kind);
}
END_TEST

/* Records that add must refuse, each with the code it must give. */
static KlyngeRecord *
bad_record (guint which,
            int  *code)
{
  switch (which)
    {
    case 0:
      *code = KLYNGE_ERROR_UNRESOLVED_REFERENCE; /* holder */
      return KLYNGE_RECORD (contract_new ("new-x", "org-nowhere", NULL, "fs-one", 10000u, NULL));
    case 1:
      *code = KLYNGE_ERROR_UNRESOLVED_REFERENCE; /* share source */
      return KLYNGE_RECORD (contract_new ("new-x", "org-a", NULL,
                                          "fs-one", 5000u, "fs-nowhere", 5000u, NULL));
    case 2:
      *code = KLYNGE_ERROR_UNRESOLVED_REFERENCE; /* renews */
      return KLYNGE_RECORD (contract_new ("new-x", "org-a", "c-nowhere", "fs-one", 10000u, NULL));
    case 3:
      *code = KLYNGE_ERROR_WRONG_REFERENCE_KIND; /* holder names a member */
      return KLYNGE_RECORD (contract_new ("new-x", "m-zeta", NULL, "fs-one", 10000u, NULL));
    case 4:
      *code = KLYNGE_ERROR_WRONG_REFERENCE_KIND; /* holder names a funding source */
      return KLYNGE_RECORD (contract_new ("new-x", "fs-two", NULL, "fs-one", 10000u, NULL));
    case 5:
      *code = KLYNGE_ERROR_WRONG_REFERENCE_KIND; /* share source names an organisation */
      return KLYNGE_RECORD (contract_new ("new-x", "org-a", NULL, "org-b", 10000u, NULL));
    case 6:
      *code = KLYNGE_ERROR_WRONG_REFERENCE_KIND; /* renews names an initiative */
      return KLYNGE_RECORD (contract_new ("new-x", "org-a", "in-1", "fs-one", 10000u, NULL));
    case 7:
      *code = KLYNGE_ERROR_SHARES_NOT_100; /* 60 + 30 */
      return KLYNGE_RECORD (contract_new ("new-x", "org-a", NULL,
                                          "fs-one", 6000u, "fs-two", 3000u, NULL));
    case 8:
      *code = KLYNGE_ERROR_SHARES_NOT_100; /* 60 + 40.01 */
      return KLYNGE_RECORD (contract_new ("new-x", "org-a", NULL,
                                          "fs-one", 6000u, "fs-two", 4001u, NULL));
    case 9:
      *code = KLYNGE_ERROR_MISSING_ELEMENT; /* no share at all */
      return KLYNGE_RECORD (contract_new ("new-x", "org-a", NULL, NULL));
    case 10:
      *code = KLYNGE_ERROR_UNRESOLVED_REFERENCE; /* merger successor */
      return KLYNGE_RECORD (merger_new ("new-x", KLYNGE_MERGER_KIND_MERGER, "org-nowhere",
                                        "2020-07-01", "org-a", "org-b", NULL));
    case 11:
      *code = KLYNGE_ERROR_UNRESOLVED_REFERENCE; /* merger predecessor */
      return KLYNGE_RECORD (merger_new ("new-x", KLYNGE_MERGER_KIND_MERGER, "org-c",
                                        "2020-07-01", "org-a", "org-nowhere", NULL));
    case 12:
      *code = KLYNGE_ERROR_WRONG_REFERENCE_KIND; /* successor names a contract */
      return KLYNGE_RECORD (merger_new ("new-x", KLYNGE_MERGER_KIND_MERGER, "c-1",
                                        "2020-07-01", "org-a", "org-b", NULL));
    case 13:
      *code = KLYNGE_ERROR_WRONG_REFERENCE_KIND; /* predecessor names a member */
      return KLYNGE_RECORD (merger_new ("new-x", KLYNGE_MERGER_KIND_ABSORPTION, "org-c",
                                        "2020-07-01", "m-zeta", NULL));
    case 14:
      *code = KLYNGE_ERROR_TOO_FEW_PARTIES; /* a merger needs two */
      return KLYNGE_RECORD (merger_new ("new-x", KLYNGE_MERGER_KIND_MERGER, "org-c",
                                        "2020-07-01", "org-a", NULL));
    case 15:
      *code = KLYNGE_ERROR_TOO_FEW_PARTIES; /* an absorption needs one */
      return KLYNGE_RECORD (merger_new ("new-x", KLYNGE_MERGER_KIND_ABSORPTION, "org-c",
                                        "2020-07-01", NULL));
    case 16:
      *code = KLYNGE_ERROR_UNRESOLVED_REFERENCE; /* initiative host */
      return KLYNGE_RECORD (initiative_new ("new-x", "org-nowhere", NULL, NULL));
    case 17:
      *code = KLYNGE_ERROR_UNRESOLVED_REFERENCE; /* initiative participant */
      return KLYNGE_RECORD (initiative_new ("new-x", "org-c", NULL, "org-a", "org-nowhere", NULL));
    case 18:
      *code = KLYNGE_ERROR_UNRESOLVED_REFERENCE; /* initiative replaces */
      return KLYNGE_RECORD (initiative_new ("new-x", "org-c", "in-nowhere", NULL));
    case 19:
      *code = KLYNGE_ERROR_WRONG_REFERENCE_KIND; /* host names a funding source */
      return KLYNGE_RECORD (initiative_new ("new-x", "fs-one", NULL, NULL));
    case 20:
      *code = KLYNGE_ERROR_WRONG_REFERENCE_KIND; /* participant names a member */
      return KLYNGE_RECORD (initiative_new ("new-x", "org-c", NULL, "m-alpha", NULL));
    case 21:
      *code = KLYNGE_ERROR_WRONG_REFERENCE_KIND; /* replaces names a contract */
      return KLYNGE_RECORD (initiative_new ("new-x", "org-c", "c-2", NULL));
    case 22:
      *code = KLYNGE_ERROR_MISSING_ELEMENT; /* organisation without name */
      return g_object_new (KLYNGE_TYPE_ORGANISATION, "id", "new-x", NULL);
    case 23:
      *code = KLYNGE_ERROR_MISSING_ELEMENT; /* member without name */
      return g_object_new (KLYNGE_TYPE_MEMBER, "id", "new-x", NULL);
    case 24:
      *code = KLYNGE_ERROR_MISSING_ELEMENT; /* funding source without name */
      return g_object_new (KLYNGE_TYPE_FUNDING_SOURCE, "id", "new-x", NULL);
    default:
      g_assert_not_reached ();
    }
}

#define N_BAD_RECORDS 25

START_TEST (test_landscape_add_refuses_bad_records_with_their_code_and_changes_nothing)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  int code = -1;
  g_autoptr(KlyngeRecord) record = bad_record (_i, &code);
  GType kind = G_OBJECT_TYPE (record);
  guint n_kind = klynge_landscape_count (landscape, kind);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  ck_assert (!klynge_landscape_add (landscape, record, &error));
  ck_assert_msg (error != NULL, "case %u: no error", _i);
  ck_assert_msg (error->domain == KLYNGE_ERROR && error->code == code,
                 "case %u: expected code %d, got %d: %s", _i, code, error->code, error->message);
  g_clear_error (&error);

  ck_assert (!klynge_landscape_contains (landscape, "new-x"));
  ck_assert_ptr_null (klynge_landscape_lookup (landscape, "new-x"));
  ck_assert_uint_eq (klynge_landscape_count (landscape, kind), n_kind);
  ck_assert_uint_eq (klynge_landscape_count (landscape, KLYNGE_TYPE_RECORD), BASE_N_RECORDS);
  problems = klynge_landscape_validate (landscape);
  ck_assert_uint_eq (problems->len, 0);
}
END_TEST

/* Records built property by property (as Python's Klynge.Initiative()
 * does) can lack what the format requires; each row leaves out one
 * required field of an otherwise acceptable record. */
static const struct {
  const char *kind;             /* the record's element name */
  const char *omit;             /* the field left out */
  KlyngeError code;
} missing_fields[] = {
  { "funding-source", "id", KLYNGE_ERROR_MISSING_ATTRIBUTE },
  { "funding-source", "name", KLYNGE_ERROR_MISSING_ELEMENT },
  { "member", "id", KLYNGE_ERROR_MISSING_ATTRIBUTE },
  { "member", "name", KLYNGE_ERROR_MISSING_ELEMENT },
  { "organisation", "id", KLYNGE_ERROR_MISSING_ATTRIBUTE },
  { "organisation", "name", KLYNGE_ERROR_MISSING_ELEMENT },
  { "contract", "id", KLYNGE_ERROR_MISSING_ATTRIBUTE },
  { "contract", "holder", KLYNGE_ERROR_MISSING_ATTRIBUTE },
  { "contract", "period", KLYNGE_ERROR_MISSING_ATTRIBUTE },
  { "merger", "id", KLYNGE_ERROR_MISSING_ATTRIBUTE },
  { "merger", "successor", KLYNGE_ERROR_MISSING_ATTRIBUTE },
  { "merger", "effective", KLYNGE_ERROR_MISSING_ATTRIBUTE },
  { "initiative", "id", KLYNGE_ERROR_MISSING_ATTRIBUTE },
  { "initiative", "host", KLYNGE_ERROR_MISSING_ATTRIBUTE },
  { "initiative", "title", KLYNGE_ERROR_MISSING_ELEMENT },
};

static KlyngeRecord *
record_without (const char *kind,
                const char *omit)
{
  g_autoptr(GError) error = NULL;
  GType type = g_str_equal (kind, "funding-source") ? KLYNGE_TYPE_FUNDING_SOURCE
    : g_str_equal (kind, "member") ? KLYNGE_TYPE_MEMBER
    : g_str_equal (kind, "organisation") ? KLYNGE_TYPE_ORGANISATION
    : g_str_equal (kind, "contract") ? KLYNGE_TYPE_CONTRACT
    : g_str_equal (kind, "merger") ? KLYNGE_TYPE_MERGER
    : KLYNGE_TYPE_INITIATIVE;
  KlyngeRecord *record = NULL;
  KlyngeDate start = klynge_test_date ("2020-01-01"), end = klynge_test_date ("2021-12-31");
  KlyngePeriod period;

  /* constructing without an id is a programmer error, but not a fatal one */
  if (g_str_equal (omit, "id"))
    assert_critical (record = g_object_new (type, NULL));
  else
    record = g_object_new (type, "id", "new-x", NULL);

#define SET_UNLESS_OMITTED(field, value) \
  G_STMT_START { if (!g_str_equal (omit, field)) g_object_set (record, field, value, NULL); } G_STMT_END

  ck_assert_str_eq (klynge_record_get_kind_name (record), kind);
  if (type == KLYNGE_TYPE_FUNDING_SOURCE || type == KLYNGE_TYPE_MEMBER
      || type == KLYNGE_TYPE_ORGANISATION)
    SET_UNLESS_OMITTED ("name", "Synthetic name");
  else if (type == KLYNGE_TYPE_CONTRACT)
    {
      g_autoptr(KlyngeShare) share = klynge_share_new ("fs-one", 10000u, &error);

      ck_assert (klynge_period_init (&period, &start, &end, &error));
      SET_UNLESS_OMITTED ("holder", "org-a");
      SET_UNLESS_OMITTED ("period", &period);
      ck_assert (klynge_contract_add_share (KLYNGE_CONTRACT (record), share, &error));
    }
  else if (type == KLYNGE_TYPE_MERGER)
    {
      g_object_set (record, "kind", KLYNGE_MERGER_KIND_ABSORPTION, NULL);
      SET_UNLESS_OMITTED ("successor", "org-c");
      SET_UNLESS_OMITTED ("effective", &start);
      ck_assert (klynge_merger_add_predecessor (KLYNGE_MERGER (record), "org-b", &error));
    }
  else
    {
      SET_UNLESS_OMITTED ("host", "org-c");
      SET_UNLESS_OMITTED ("title", "Synthetic title");
    }
#undef SET_UNLESS_OMITTED
  ck_assert_no_error (error);
  return record;
}

START_TEST (test_landscape_add_refuses_a_record_missing_a_required_field_and_changes_nothing)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(KlyngeRecord) record = record_without (missing_fields[_i].kind, missing_fields[_i].omit);
  g_autoptr(KlyngeRecord) complete = record_without (missing_fields[_i].kind, "");
  g_autoptr(KlyngeLandscape) other = base_landscape ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  ck_assert_msg (!klynge_landscape_add (landscape, record, &error), "%s without %s was added",
                 missing_fields[_i].kind, missing_fields[_i].omit);
  ck_assert_msg (error != NULL && error->domain == KLYNGE_ERROR
                 && error->code == (int) missing_fields[_i].code,
                 "%s without %s: expected code %d, got %s", missing_fields[_i].kind,
                 missing_fields[_i].omit, missing_fields[_i].code,
                 error != NULL ? error->message : "no error");
  ck_assert_uint_eq (klynge_landscape_count (landscape, KLYNGE_TYPE_RECORD), BASE_N_RECORDS);
  ck_assert_uint_eq (klynge_landscape_count_memberships (landscape), BASE_N_MEMBERSHIPS);
  ck_assert (!klynge_landscape_contains (landscape, "new-x"));
  problems = klynge_landscape_validate (landscape);
  ck_assert_uint_eq (problems->len, 0);

  /* the same record with the field is accepted: the row tests that field */
  add_ok (other, complete);
}
END_TEST

START_TEST (test_landscape_add_accepts_an_absorption_with_one_predecessor)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(KlyngeMerger) absorption = merger_new ("mg-new", KLYNGE_MERGER_KIND_ABSORPTION,
                                                   "org-c", "2021", "org-a", NULL);
  g_autoptr(KlyngeMerger) merger = merger_new ("mg-two", KLYNGE_MERGER_KIND_MERGER,
                                               "org-free", "2021", "org-a", "org-b", NULL);

  add_ok (landscape, absorption);
  add_ok (landscape, merger);
  ck_assert_uint_eq (klynge_landscape_count (landscape, KLYNGE_TYPE_MERGER), 3);
  ck_assert_ptr_eq (klynge_landscape_lookup (landscape, "mg-new"), absorption);
}
END_TEST

START_TEST (test_landscape_add_accepts_shares_that_sum_to_exactly_100)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(KlyngeContract) contract = contract_new ("c-odd", "org-a", NULL,
                                                     "fs-one", 3333u, "fs-two", 6667u, NULL);

  add_ok (landscape, contract);
  ck_assert_uint_eq (klynge_landscape_count (landscape, KLYNGE_TYPE_CONTRACT), 3);
}
END_TEST

/* --- listing order ------------------------------------------------------- */

/* An id that sorts and hashes nowhere near its position. */
static char *
scrambled_id (const char *prefix,
              guint       i)
{
  return g_strdup_printf ("%s-%c%05u", prefix, 'a' + (i * 7919u) % 26, (i * 104729u) % 99991u);
}

START_TEST (test_landscape_list_keeps_insertion_order_never_hash_order)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new ();
  g_autoptr(GPtrArray) expected_orgs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) expected_members = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) expected_sources = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) orgs = NULL;
  g_autoptr(GPtrArray) orgs_filtered = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  const char *first[] = { "zeta", "alpha", "mid" };

  for (guint i = 0; i < G_N_ELEMENTS (first); i++)
    {
      g_autofree char *mid = g_strdup_printf ("m-%s", first[i]);
      g_autofree char *fsid = g_strdup_printf ("fs-%s", first[i]);
      g_ptr_array_add (expected_orgs, g_strdup (first[i]));
      g_ptr_array_add (expected_members, g_strdup (mid));
      g_ptr_array_add (expected_sources, g_strdup (fsid));
    }
  for (guint i = 0; i < 200; i++)
    {
      g_ptr_array_add (expected_orgs, scrambled_id ("o", i));
      g_ptr_array_add (expected_members, scrambled_id ("m", i));
      g_ptr_array_add (expected_sources, scrambled_id ("fs", i));
    }
  for (guint i = 0; i < expected_orgs->len; i++)
    {
      g_autoptr(KlyngeOrganisation) org = org_new (g_ptr_array_index (expected_orgs, i),
                                                   KLYNGE_ORGANISATION_KIND_CLUSTER,
                                                   NULL, NULL, NULL, NULL);
      g_autoptr(KlyngeMember) member = member_new (g_ptr_array_index (expected_members, i));
      g_autoptr(KlyngeFundingSource) source = source_new (g_ptr_array_index (expected_sources, i));
      add_ok (landscape, org);
      add_ok (landscape, member);
      add_ok (landscape, source);
    }

  orgs = klynge_landscape_list (landscape, KLYNGE_TYPE_ORGANISATION);
  orgs_filtered = klynge_landscape_list_organisations (landscape, NULL);
  members = klynge_landscape_list (landscape, KLYNGE_TYPE_MEMBER);
  sources = klynge_landscape_list (landscape, KLYNGE_TYPE_FUNDING_SOURCE);
  ck_assert_uint_eq (orgs->len, 203);
  ck_assert_uint_eq (orgs_filtered->len, 203);
  ck_assert_uint_eq (members->len, 203);
  ck_assert_uint_eq (sources->len, 203);
  for (guint i = 0; i < 203; i++)
    {
      ck_assert_str_eq (klynge_record_get_id (g_ptr_array_index (orgs, i)),
                        g_ptr_array_index (expected_orgs, i));
      ck_assert_str_eq (klynge_record_get_id (g_ptr_array_index (orgs_filtered, i)),
                        g_ptr_array_index (expected_orgs, i));
      ck_assert_str_eq (klynge_record_get_id (g_ptr_array_index (members, i)),
                        g_ptr_array_index (expected_members, i));
      ck_assert_str_eq (klynge_record_get_id (g_ptr_array_index (sources, i)),
                        g_ptr_array_index (expected_sources, i));
    }
}
END_TEST

START_TEST (test_landscape_list_of_each_kind_keeps_insertion_order)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(GPtrArray) sources = klynge_landscape_list (landscape, KLYNGE_TYPE_FUNDING_SOURCE);
  g_autoptr(GPtrArray) members = klynge_landscape_list (landscape, KLYNGE_TYPE_MEMBER);
  g_autoptr(GPtrArray) orgs = klynge_landscape_list (landscape, KLYNGE_TYPE_ORGANISATION);
  g_autoptr(GPtrArray) contracts = klynge_landscape_list (landscape, KLYNGE_TYPE_CONTRACT);
  g_autoptr(GPtrArray) mergers = klynge_landscape_list (landscape, KLYNGE_TYPE_MERGER);
  g_autoptr(GPtrArray) initiatives = klynge_landscape_list (landscape, KLYNGE_TYPE_INITIATIVE);

  assert_ids (sources, "fs-two fs-one");
  assert_ids (members, "m-zeta m-alpha m-mid m-lone");
  assert_ids (orgs, "org-b org-a org-c org-free");
  assert_ids (contracts, "c-1 c-2");
  assert_ids (mergers, "mg-1");
  assert_ids (initiatives, "in-1 in-2");
}
END_TEST

START_TEST (test_landscape_list_of_all_records_gives_the_format_section_order)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new ();
  g_autoptr(KlyngeOrganisation) org = org_new ("org-first", KLYNGE_ORGANISATION_KIND_CLUSTER,
                                               NULL, NULL, NULL, NULL);
  g_autoptr(KlyngeFundingSource) fs = source_new ("fs-second");
  g_autoptr(KlyngeInitiative) in = initiative_new ("in-third", "org-first", NULL, NULL);
  g_autoptr(KlyngeContract) c = contract_new ("c-fourth", "org-first", NULL, "fs-second", 10000u, NULL);
  g_autoptr(KlyngeMember) m = member_new ("m-fifth");
  g_autoptr(KlyngeOrganisation) org2 = org_new ("org-sixth", KLYNGE_ORGANISATION_KIND_CLUSTER,
                                                NULL, NULL, NULL, NULL);
  g_autoptr(KlyngeMerger) mg = merger_new ("mg-seventh", KLYNGE_MERGER_KIND_ABSORPTION,
                                           "org-first", "2020", "org-sixth", NULL);
  g_autoptr(KlyngeFundingSource) fs2 = source_new ("fs-eighth");
  g_autoptr(GPtrArray) all = NULL;

  add_ok (landscape, org);
  add_ok (landscape, fs);
  add_ok (landscape, in);
  add_ok (landscape, c);
  add_ok (landscape, m);
  add_ok (landscape, org2);
  add_ok (landscape, mg);
  add_ok (landscape, fs2);
  all = klynge_landscape_list (landscape, KLYNGE_TYPE_RECORD);
  assert_ids (all, "fs-second fs-eighth m-fifth org-first org-sixth c-fourth mg-seventh in-third");
  ck_assert_uint_eq (klynge_landscape_count (landscape, KLYNGE_TYPE_RECORD), 8);
}
END_TEST

START_TEST (test_landscape_list_after_a_removal_keeps_the_others_in_order)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) orgs = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) initiatives = NULL;
  g_autoptr(KlyngeOrganisation) late = org_new ("org-late", KLYNGE_ORGANISATION_KIND_CLUSTER,
                                                NULL, NULL, NULL, NULL);

  ck_assert (klynge_landscape_remove (landscape, "org-free", &error));
  ck_assert (klynge_landscape_remove (landscape, "m-lone", &error));
  ck_assert (klynge_landscape_remove (landscape, "in-2", &error));
  ck_assert_no_error (error);
  add_ok (landscape, late);
  orgs = klynge_landscape_list (landscape, KLYNGE_TYPE_ORGANISATION);
  members = klynge_landscape_list (landscape, KLYNGE_TYPE_MEMBER);
  initiatives = klynge_landscape_list (landscape, KLYNGE_TYPE_INITIATIVE);
  assert_ids (orgs, "org-b org-a org-c org-late");
  assert_ids (members, "m-zeta m-alpha m-mid");
  assert_ids (initiatives, "in-1");
}
END_TEST

/* --- list_organisations with a filter ------------------------------------ */

START_TEST (test_landscape_list_organisations_without_filter_lists_all)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(KlyngeFilter) filter = klynge_filter_new ();
  g_autoptr(GPtrArray) all = klynge_landscape_list_organisations (landscape, NULL);
  g_autoptr(GPtrArray) empty_filter = klynge_landscape_list_organisations (landscape, filter);

  assert_ids (all, "org-b org-a org-c org-free");
  assert_ids (empty_filter, "org-b org-a org-c org-free");
}
END_TEST

START_TEST (test_landscape_filter_by_kind)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(KlyngeFilter) cluster = klynge_filter_new ();
  g_autoptr(KlyngeFilter) agency = klynge_filter_new ();
  g_autoptr(GPtrArray) clusters = NULL;
  g_autoptr(GPtrArray) agencies = NULL;

  klynge_filter_set_kind (cluster, KLYNGE_ORGANISATION_KIND_CLUSTER);
  klynge_filter_set_kind (agency, KLYNGE_ORGANISATION_KIND_AGENCY);
  clusters = klynge_landscape_list_organisations (landscape, cluster);
  agencies = klynge_landscape_list_organisations (landscape, agency);
  assert_ids (clusters, "org-b");
  ck_assert_uint_eq (agencies->len, 0);
}
END_TEST

START_TEST (test_landscape_filter_by_focus_area)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(KlyngeFilter) energy = klynge_filter_new ();
  g_autoptr(KlyngeFilter) development = klynge_filter_new ();
  g_autoptr(KlyngeFilter) none = klynge_filter_new ();
  g_autoptr(GPtrArray) a = NULL, b = NULL, c = NULL;

  klynge_filter_set_focus_area (energy, "energy");
  klynge_filter_set_focus_area (development, "cluster-development");
  klynge_filter_set_focus_area (none, "no-such-area");
  a = klynge_landscape_list_organisations (landscape, energy);
  b = klynge_landscape_list_organisations (landscape, development);
  c = klynge_landscape_list_organisations (landscape, none);
  assert_ids (a, "org-b org-c");
  assert_ids (b, "org-c");
  ck_assert_uint_eq (c->len, 0);
}
END_TEST

START_TEST (test_landscape_filter_by_city)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(KlyngeFilter) aalborg = klynge_filter_new ();
  g_autoptr(KlyngeFilter) odense = klynge_filter_new ();
  g_autoptr(KlyngeFilter) elsewhere = klynge_filter_new ();
  g_autoptr(GPtrArray) a = NULL, b = NULL, c = NULL;

  klynge_filter_set_city (aalborg, "Aalborg");
  klynge_filter_set_city (odense, "Odense");
  klynge_filter_set_city (elsewhere, "Nowhereby");
  a = klynge_landscape_list_organisations (landscape, aalborg);
  b = klynge_landscape_list_organisations (landscape, odense);
  c = klynge_landscape_list_organisations (landscape, elsewhere);
  assert_ids (a, "org-b org-c");
  assert_ids (b, "org-a");
  ck_assert_uint_eq (c->len, 0);
}
END_TEST

/* Four organisations: org-north states only Aalborg's municipality,
 * org-zealand only a region, org-capital both, org-unplaced neither. */
static KlyngeLandscape *
placed_landscape (void)
{
  static const struct {
    const char *id, *city, *region, *municipality;
  } places[] = {
    { "org-north", "Aalborg", NULL, "851" },
    { "org-zealand", "Roskilde", "DK02", NULL },
    { "org-capital", "København", "DK01", "101" },
    { "org-unplaced", "Aalborg", NULL, NULL },
  };
  KlyngeLandscape *landscape = klynge_landscape_new ();

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KlyngeOrganisation) org = klynge_organisation_new (places[i].id, KLYNGE_ORGANISATION_KIND_CLUSTER,
                                                                   places[i].id);
      g_autoptr(KlyngeLocation) location = klynge_location_new_full (places[i].city, NULL, NULL,
                                                                     places[i].region, places[i].municipality,
                                                                     &error);

      ck_assert_no_error (error);
      klynge_organisation_add_location (org, location);
      add_ok (landscape, org);
    }
  return landscape;
}

static const struct {
  const char *region;
  const char *municipality;
  const char *ids;
} geography_filters[] = {
  { "DK05", NULL, "org-north" },            /* by its municipality's region */
  { "DK02", NULL, "org-zealand" },
  { "DK01", NULL, "org-capital" },
  { "DK03", NULL, "" },
  { NULL, "851", "org-north" },
  { NULL, "265", "" },                      /* a region does not tell the municipality */
  { "DK01", "101", "org-capital" },
  { "DK05", "101", "" },                    /* both must hold */
  { "DK09", NULL, "" },                     /* an unknown code matches nothing */
  { NULL, "0851", "" },
  { NULL, NULL, "org-north org-zealand org-capital org-unplaced" },
};

START_TEST (test_landscape_filter_by_region_and_municipality)
{
  g_autoptr(KlyngeLandscape) landscape = placed_landscape ();
  g_autoptr(KlyngeFilter) filter = klynge_filter_new ();
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) after_reset = NULL;

  klynge_filter_set_region (filter, geography_filters[_i].region);
  klynge_filter_set_municipality (filter, geography_filters[_i].municipality);
  found = klynge_landscape_list_organisations (landscape, filter);
  assert_ids (found, geography_filters[_i].ids);

  /* NULL drops each condition again */
  klynge_filter_set_region (filter, NULL);
  klynge_filter_set_municipality (filter, NULL);
  after_reset = klynge_landscape_list_organisations (landscape, filter);
  ck_assert_uint_eq (after_reset->len, 4);
}
END_TEST

/* org-b 2014-05-09..dissolved 2020-06-30; org-a founded 2015; org-c founded
 * 2014, dissolved 2021-03; org-free has no dates, and its first stated
 * day is 2018-12-31: its membership since 2018 began by then.
 *
 * klynge_landscape_get_status(): the founded day is the first active day
 * and the dissolution date is the last one; a partial founding or
 * dissolution date is an interval of uncertainty (issue 15): founded 2014
 * is not known until 2014-12-31, dissolved 2021-03 not known after
 * 2021-03-01. The asked date, when partial, stands for its first day. */
static const struct {
  const char *date;
  const char *active;
  const char *not_known;
} active_on_cases[] = {
  { "1999", "", "org-free" },                              /* no founding date: not "not yet founded" */
  { "2013-12-31", "", "org-free" },
  { "2014", "", "org-c org-free" },                        /* within "founded 2014" */
  { "2014-05-08", "", "org-c org-free" },
  { "2014-05-09", "org-b", "org-c org-free" },             /* active on the founded day */
  { "2014-05", "", "org-c org-free" },                     /* 2014-05 stands for 2014-05-01 */
  { "2014-12-30", "org-b", "org-c org-free" },
  { "2014-12-31", "org-b org-c", "org-free" },             /* founded in 2014 at the latest */
  { "2015", "org-b org-c", "org-a org-free" },
  { "2015-12-31", "org-b org-a org-c", "org-free" },
  { "2018-12-30", "org-b org-a org-c", "org-free" },
  { "2018-12-31", "org-b org-a org-c org-free", "" },      /* its membership since 2018 began */
  { "2020-06-30", "org-b org-a org-c org-free", "" },      /* the dissolved day is the last day */
  { "2020-07-01", "org-a org-c org-free", "" },            /* gone the day after */
  { "2021-03-01", "org-a org-c org-free", "" },            /* dissolved in March: active on the 1st */
  { "2021-03", "org-a org-c org-free", "" },
  { "2021-03-02", "org-a org-free", "org-c" },             /* within "dissolved 2021-03" */
  { "2021-03-31", "org-a org-free", "org-c" },
  { "2021-04-01", "org-a org-free", "" },                  /* dissolved by then */
};

START_TEST (test_landscape_filter_active_on_lists_only_the_organisations_known_to_be_active)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(KlyngeFilter) filter = klynge_filter_new ();
  KlyngeDate date = klynge_test_date (active_on_cases[_i].date);
  g_autoptr(GPtrArray) orgs = NULL;
  g_autofree char *got = NULL;

  klynge_filter_set_active_on (filter, &date);
  orgs = klynge_landscape_list_organisations (landscape, filter);
  got = ids_of (orgs);
  ck_assert_msg (g_strcmp0 (got, active_on_cases[_i].active) == 0,
                 "active on %s: expected “%s”, got “%s”", active_on_cases[_i].date,
                 active_on_cases[_i].active, got);
}
END_TEST

START_TEST (test_landscape_filter_including_not_known_adds_exactly_those_not_known)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(KlyngeFilter) filter = klynge_filter_new ();
  KlyngeDate date = klynge_test_date (active_on_cases[_i].date);
  g_autoptr(GPtrArray) orgs = NULL;
  g_autoptr(GString) not_known = g_string_new (NULL);

  klynge_filter_set_active_on (filter, &date);
  klynge_filter_set_include_not_known (filter, TRUE);
  orgs = klynge_landscape_list_organisations (landscape, filter);
  for (guint i = 0; i < orgs->len; i++)
    {
      const char *id = klynge_record_get_id (g_ptr_array_index (orgs, i));
      KlyngeOrganisationStatus status = klynge_landscape_get_status (landscape, id, &date, NULL);

      ck_assert (status == KLYNGE_ORGANISATION_STATUS_ACTIVE || status == KLYNGE_ORGANISATION_STATUS_NOT_KNOWN);
      if (status == KLYNGE_ORGANISATION_STATUS_NOT_KNOWN)
        g_string_append_printf (not_known, "%s%s", not_known->len > 0 ? " " : "", id);
    }
  ck_assert_msg (g_strcmp0 (not_known->str, active_on_cases[_i].not_known) == 0,
                 "not known on %s: expected “%s”, got “%s”", active_on_cases[_i].date,
                 active_on_cases[_i].not_known, not_known->str);
}
END_TEST

START_TEST (test_landscape_view_counts_the_not_known_apart)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  KlyngeDate date = klynge_test_date (active_on_cases[_i].date);
  g_autoptr(KlyngeLandscapeView) view = klynge_landscape_view_new (landscape, &date);
  g_auto(GStrv) active = g_strsplit (active_on_cases[_i].active, " ", -1);
  g_auto(GStrv) not_known = g_strsplit (active_on_cases[_i].not_known, " ", -1);
  g_autoptr(GPtrArray) listed = klynge_landscape_view_list_organisations (view, NULL);
  g_autofree char *got = ids_of (listed);

  ck_assert_str_eq (got, active_on_cases[_i].active);
  ck_assert_uint_eq (klynge_landscape_view_count_organisations (view),
                     *active_on_cases[_i].active != '\0' ? g_strv_length (active) : 0);
  ck_assert_uint_eq (klynge_landscape_view_count_not_known (view),
                     *active_on_cases[_i].not_known != '\0' ? g_strv_length (not_known) : 0);
}
END_TEST

/* Outside a landscape the filter judges by the organisation's own record:
 * founded 2014 is not known to be active on 2014-06-01. */
START_TEST (test_filter_matches_a_not_known_organisation_only_when_asked_to)
{
  g_autoptr(KlyngeOrganisation) org = org_new ("org-x", KLYNGE_ORGANISATION_KIND_CLUSTER, "2014", NULL, NULL, NULL);
  g_autoptr(KlyngeFilter) filter = klynge_filter_new ();
  KlyngeDate within = klynge_test_date ("2014-06-01"), before = klynge_test_date ("2013-06-01");

  klynge_filter_set_active_on (filter, &within);
  ck_assert (!klynge_filter_matches (filter, org));
  klynge_filter_set_include_not_known (filter, TRUE);
  ck_assert (klynge_filter_matches (filter, org));
  klynge_filter_set_active_on (filter, &before);       /* not yet founded: never */
  ck_assert (!klynge_filter_matches (filter, org));
  klynge_filter_set_active_on (filter, &within);
  klynge_filter_set_kind (filter, KLYNGE_ORGANISATION_KIND_AGENCY);   /* the other conditions still hold */
  ck_assert (!klynge_filter_matches (filter, org));
}
END_TEST

/* Status of one organisation, alone in a landscape with the records named,
 * on dates around its partial or missing dates. */
typedef enum {
  STATED_NOTHING,
  STATED_MEMBERSHIP,     /* since 2016 */
  STATED_CONTRACT,       /* holds one from 2016-03-01 */
  STATED_INITIATIVE,     /* hosts one from 2016-03 */
  STATED_LABEL,          /* awarded 2016-06-15 */
  STATED_MERGER,         /* successor of a completed merger effective 2016-01-01 */
  STATED_PROPOSED_MERGER,/* successor of a proposed one: states nothing */
  STATED_PARTICIPATION,  /* takes part in an initiative from 2010: states nothing */
  STATED_DESIGNATION,    /* designated by a programme from 2016-09-01 */
} Stated;

static const struct {
  const char *founded;
  const char *dissolved;
  Stated stated;
  const char *date;
  KlyngeOrganisationStatus status;
} status_cases[] = {
  { "2014", NULL, STATED_NOTHING, "2013-12-31", KLYNGE_ORGANISATION_STATUS_NOT_YET_FOUNDED },
  { "2014", NULL, STATED_NOTHING, "2014-01-01", KLYNGE_ORGANISATION_STATUS_NOT_KNOWN },
  { "2014", NULL, STATED_NOTHING, "2014-06-01", KLYNGE_ORGANISATION_STATUS_NOT_KNOWN },
  { "2014", NULL, STATED_NOTHING, "2014-12-31", KLYNGE_ORGANISATION_STATUS_ACTIVE },
  { "2014", NULL, STATED_NOTHING, "2015-01-01", KLYNGE_ORGANISATION_STATUS_ACTIVE },
  { "2014", NULL, STATED_CONTRACT, "2014-06-01", KLYNGE_ORGANISATION_STATUS_NOT_KNOWN },  /* founding date rules */
  { "2014-05", NULL, STATED_NOTHING, "2014-05-30", KLYNGE_ORGANISATION_STATUS_NOT_KNOWN },
  { "2014-05", NULL, STATED_NOTHING, "2014-05-31", KLYNGE_ORGANISATION_STATUS_ACTIVE },
  { "2014-05-09", NULL, STATED_NOTHING, "2014-05-08", KLYNGE_ORGANISATION_STATUS_NOT_YET_FOUNDED },
  { "2014-05-09", NULL, STATED_NOTHING, "2014-05-09", KLYNGE_ORGANISATION_STATUS_ACTIVE },
  { "2014", "2021", STATED_NOTHING, "2021-01-01", KLYNGE_ORGANISATION_STATUS_ACTIVE },
  { "2014", "2021", STATED_NOTHING, "2021-01-02", KLYNGE_ORGANISATION_STATUS_NOT_KNOWN },
  { "2014", "2021", STATED_NOTHING, "2021-06-30", KLYNGE_ORGANISATION_STATUS_NOT_KNOWN },
  { "2014", "2021", STATED_NOTHING, "2021-12-31", KLYNGE_ORGANISATION_STATUS_NOT_KNOWN },
  { "2014", "2021", STATED_NOTHING, "2022-01-01", KLYNGE_ORGANISATION_STATUS_DISSOLVED },
  { "2014", "2021-06-30", STATED_NOTHING, "2021-06-30", KLYNGE_ORGANISATION_STATUS_ACTIVE },
  { "2014", "2021-06-30", STATED_NOTHING, "2021-07-01", KLYNGE_ORGANISATION_STATUS_DISSOLVED },
  { NULL, NULL, STATED_NOTHING, "1990-01-01", KLYNGE_ORGANISATION_STATUS_NOT_KNOWN },
  { NULL, NULL, STATED_NOTHING, "2030-01-01", KLYNGE_ORGANISATION_STATUS_NOT_KNOWN },
  { NULL, NULL, STATED_MEMBERSHIP, "2016-12-30", KLYNGE_ORGANISATION_STATUS_NOT_KNOWN },
  { NULL, NULL, STATED_MEMBERSHIP, "2016-12-31", KLYNGE_ORGANISATION_STATUS_ACTIVE },
  { NULL, NULL, STATED_CONTRACT, "2016-02-29", KLYNGE_ORGANISATION_STATUS_NOT_KNOWN },
  { NULL, NULL, STATED_CONTRACT, "2016-03-01", KLYNGE_ORGANISATION_STATUS_ACTIVE },
  { NULL, NULL, STATED_INITIATIVE, "2016-03-30", KLYNGE_ORGANISATION_STATUS_NOT_KNOWN },
  { NULL, NULL, STATED_INITIATIVE, "2016-03-31", KLYNGE_ORGANISATION_STATUS_ACTIVE },
  { NULL, NULL, STATED_LABEL, "2016-06-14", KLYNGE_ORGANISATION_STATUS_NOT_KNOWN },
  { NULL, NULL, STATED_LABEL, "2016-06-15", KLYNGE_ORGANISATION_STATUS_ACTIVE },
  { NULL, NULL, STATED_MERGER, "2015-12-31", KLYNGE_ORGANISATION_STATUS_NOT_KNOWN },
  { NULL, NULL, STATED_MERGER, "2016-01-01", KLYNGE_ORGANISATION_STATUS_ACTIVE },
  { NULL, NULL, STATED_PROPOSED_MERGER, "2017-01-01", KLYNGE_ORGANISATION_STATUS_NOT_KNOWN },
  { NULL, NULL, STATED_PARTICIPATION, "2017-01-01", KLYNGE_ORGANISATION_STATUS_NOT_KNOWN },
  { NULL, NULL, STATED_DESIGNATION, "2016-08-31", KLYNGE_ORGANISATION_STATUS_NOT_KNOWN },
  { NULL, NULL, STATED_DESIGNATION, "2016-09-01", KLYNGE_ORGANISATION_STATUS_ACTIVE },
  { NULL, "2020-06-30", STATED_NOTHING, "2020-06-29", KLYNGE_ORGANISATION_STATUS_NOT_KNOWN },
  { NULL, "2020-06-30", STATED_NOTHING, "2020-06-30", KLYNGE_ORGANISATION_STATUS_ACTIVE },   /* its last day */
  { NULL, "2020-06-30", STATED_NOTHING, "2020-07-01", KLYNGE_ORGANISATION_STATUS_DISSOLVED },
  { NULL, "2021", STATED_CONTRACT, "2018-01-01", KLYNGE_ORGANISATION_STATUS_ACTIVE },
  { NULL, "2021", STATED_CONTRACT, "2021-06-30", KLYNGE_ORGANISATION_STATUS_NOT_KNOWN },
};

START_TEST (test_landscape_status_treats_partial_and_missing_dates_as_uncertain)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new ();
  g_autoptr(KlyngeOrganisation) org = org_new ("org-x", KLYNGE_ORGANISATION_KIND_CLUSTER,
                                               status_cases[_i].founded, status_cases[_i].dissolved,
                                               NULL, NULL);
  g_autoptr(KlyngeOrganisation) other = org_new ("org-y", KLYNGE_ORGANISATION_KIND_CLUSTER,
                                                 "2000", NULL, NULL, NULL);
  g_autoptr(KlyngeFundingSource) fs = source_new ("fs-one");
  g_autoptr(KlyngeMember) member = member_new ("m-one");
  KlyngeDate date = klynge_test_date (status_cases[_i].date);
  g_autoptr(GError) error = NULL;

  add_ok (landscape, fs);
  add_ok (landscape, member);
  add_ok (landscape, org);
  add_ok (landscape, other);
  switch (status_cases[_i].stated)
    {
    case STATED_NOTHING:
      break;
    case STATED_MEMBERSHIP:
      add_membership_ok (landscape, "org-x", "m-one", "2016", NULL);
      break;
    case STATED_CONTRACT:
      {
        g_autoptr(KlyngeContract) contract = contract_new ("c-1", "org-x", NULL, "fs-one", 10000u, NULL);
        KlyngeDate start = klynge_test_date ("2016-03-01"), end = klynge_test_date ("2017-02-28");
        KlyngePeriod period;

        ck_assert (klynge_period_init (&period, &start, &end, &error));
        ck_assert (klynge_contract_set_period (contract, &period, &error));
        add_ok (landscape, contract);
      }
      break;
    case STATED_INITIATIVE:
    case STATED_PARTICIPATION:
      {
        gboolean hosts = status_cases[_i].stated == STATED_INITIATIVE;
        g_autoptr(KlyngeInitiative) initiative = initiative_new ("in-1", hosts ? "org-x" : "org-y", NULL,
                                                                 hosts ? NULL : "org-x", NULL);
        KlyngeDate start = klynge_test_date (hosts ? "2016-03" : "2010");

        ck_assert (klynge_initiative_set_dates (initiative, &start, NULL, &error));
        add_ok (landscape, initiative);
      }
      break;
    case STATED_LABEL:
      {
        KlyngeDate awarded = klynge_test_date ("2016-06-15");
        g_autoptr(KlyngeLabel) label = klynge_label_new (KLYNGE_LABEL_LEVEL_GOLD, &awarded, NULL, &error);

        klynge_organisation_add_label (org, label);
      }
      break;
    case STATED_MERGER:
    case STATED_PROPOSED_MERGER:
      {
        g_autoptr(KlyngeMerger) merger = merger_new ("mg-1", KLYNGE_MERGER_KIND_ABSORPTION, "org-x",
                                                     "2016-01-01", "org-y", NULL);

        if (status_cases[_i].stated == STATED_MERGER)
          klynge_merger_set_status (merger, KLYNGE_MERGER_STATUS_COMPLETED);
        add_ok (landscape, merger);
      }
      break;
    case STATED_DESIGNATION:
      {
        g_autoptr(KlyngeProgramme) programme = klynge_programme_new ("prog-1", KLYNGE_PROGRAMME_KIND_CLUSTER_PROGRAMME,
                                                                     "Synthetic programme");
        KlyngeDate start = klynge_test_date ("2016-09-01");
        g_autoptr(KlyngeDesignation) designation = klynge_designation_new ("org-x", KLYNGE_DESIGNATION_ROLE_NATIONAL_CLUSTER,
                                                                           NULL, &start, NULL, &error);

        ck_assert (klynge_programme_add_designation (programme, designation, &error));
        add_ok (landscape, programme);
      }
      break;
    }

  ck_assert_msg (klynge_landscape_get_status (landscape, "org-x", &date, NULL) == status_cases[_i].status,
                 "case %d: status on %s is %s, expected %s", _i, status_cases[_i].date,
                 klynge_enum_to_nick (KLYNGE_TYPE_ORGANISATION_STATUS,
                                      klynge_landscape_get_status (landscape, "org-x", &date, NULL)),
                 klynge_enum_to_nick (KLYNGE_TYPE_ORGANISATION_STATUS, status_cases[_i].status));
}
END_TEST

START_TEST (test_landscape_filter_conditions_combine_so_all_must_hold)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(KlyngeFilter) filter = klynge_filter_new ();
  KlyngeDate d2019 = klynge_test_date ("2019"), d2020_07 = klynge_test_date ("2020-07-01");
  g_autoptr(GPtrArray) r1 = NULL, r2 = NULL, r3 = NULL, r4 = NULL, r5 = NULL;

  /* city + focus area */
  klynge_filter_set_city (filter, "Aalborg");
  klynge_filter_set_focus_area (filter, "energy");
  r1 = klynge_landscape_list_organisations (landscape, filter);
  assert_ids (r1, "org-b org-c");

  /* + kind */
  klynge_filter_set_kind (filter, KLYNGE_ORGANISATION_KIND_CLUSTER);
  r2 = klynge_landscape_list_organisations (landscape, filter);
  assert_ids (r2, "org-b");

  /* + active on a date when it existed */
  klynge_filter_set_active_on (filter, &d2019);
  r3 = klynge_landscape_list_organisations (landscape, filter);
  assert_ids (r3, "org-b");

  /* + active on a date after it was dissolved */
  klynge_filter_set_active_on (filter, &d2020_07);
  r4 = klynge_landscape_list_organisations (landscape, filter);
  ck_assert_uint_eq (r4->len, 0);

  /* kind that matches nothing in the city */
  {
    g_autoptr(KlyngeFilter) other = klynge_filter_new ();
    klynge_filter_set_kind (other, KLYNGE_ORGANISATION_KIND_INNOVATION_NETWORK);
    klynge_filter_set_city (other, "Aalborg");
    r5 = klynge_landscape_list_organisations (landscape, other);
    ck_assert_uint_eq (r5->len, 0);
  }
}
END_TEST

/* --- memberships ---------------------------------------------------------- */

START_TEST (test_landscape_add_membership_with_optional_dates)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(GPtrArray) list = NULL;
  KlyngeMembership *m;

  add_membership_ok (landscape, "org-c", "m-lone", NULL, NULL);
  add_membership_ok (landscape, "org-c", "m-mid", "2019-05", NULL);
  add_membership_ok (landscape, "org-c", "m-alpha", NULL, "2020");
  ck_assert_uint_eq (klynge_landscape_count_memberships (landscape), BASE_N_MEMBERSHIPS + 3);

  list = klynge_landscape_list_memberships_of_organisation (landscape, "org-c");
  ck_assert_uint_eq (list->len, 3);
  /* member insertion order: m-alpha, m-mid, m-lone */
  m = g_ptr_array_index (list, 0);
  ck_assert_str_eq (klynge_membership_get_organisation (m), "org-c");
  ck_assert_str_eq (klynge_membership_get_member (m), "m-alpha");
  ck_assert (!klynge_date_is_set (klynge_membership_get_since (m)));
  ck_assert_uint_eq (klynge_membership_get_until (m)->year, 2020);
  ck_assert_int_eq (klynge_date_get_precision (klynge_membership_get_until (m)), KLYNGE_DATE_PRECISION_YEAR);
  m = g_ptr_array_index (list, 1);
  ck_assert_str_eq (klynge_membership_get_member (m), "m-mid");
  ck_assert_int_eq (klynge_date_get_precision (klynge_membership_get_since (m)), KLYNGE_DATE_PRECISION_MONTH);
  ck_assert_uint_eq (klynge_membership_get_since (m)->month, 5);
  ck_assert (!klynge_date_is_set (klynge_membership_get_until (m)));
  m = g_ptr_array_index (list, 2);
  ck_assert_str_eq (klynge_membership_get_member (m), "m-lone");
  ck_assert (!klynge_date_is_set (klynge_membership_get_since (m)));
  ck_assert (!klynge_date_is_set (klynge_membership_get_until (m)));
}
END_TEST

START_TEST (test_landscape_memberships_of_organisation_sort_by_member_order_then_since)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *got = NULL;

  /* added out of order: m-lone, m-zeta (late), m-mid, m-zeta (early) */
  add_membership_ok (landscape, "org-c", "m-lone", "2016", NULL);
  add_membership_ok (landscape, "org-c", "m-zeta", "2019-01-01", NULL);
  add_membership_ok (landscape, "org-c", "m-mid", "2015-06", "2016");
  add_membership_ok (landscape, "org-c", "m-zeta", "2014-02-02", "2017-12-31");
  add_membership_ok (landscape, "org-c", "m-mid", "2018", NULL);
  list = klynge_landscape_list_memberships_of_organisation (landscape, "org-c");
  got = memberships_of (list);
  ck_assert_str_eq (got,
                    "org-c m-zeta 2014-02-02..2017-12-31, "
                    "org-c m-zeta 2019-01-01.., "
                    "org-c m-mid 2015-06..2016, "
                    "org-c m-mid 2018.., "
                    "org-c m-lone 2016..");
}
END_TEST

START_TEST (test_landscape_memberships_of_member_sort_by_organisation_order_then_since)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autofree char *got = NULL;

  /* base: org-b m-zeta 2015, org-a m-zeta 2017-01-01 */
  add_membership_ok (landscape, "org-free", "m-zeta", "2020", NULL);
  add_membership_ok (landscape, "org-c", "m-zeta", "2019", NULL);
  add_membership_ok (landscape, "org-b", "m-zeta", "2010", "2012");
  list = klynge_landscape_list_memberships_of_member (landscape, "m-zeta");
  got = memberships_of (list);
  ck_assert_str_eq (got,
                    "org-b m-zeta 2010..2012, "
                    "org-b m-zeta 2015.., "
                    "org-a m-zeta 2017-01-01.., "
                    "org-c m-zeta 2019.., "
                    "org-free m-zeta 2020..");
  none = klynge_landscape_list_memberships_of_member (landscape, "m-lone");
  ck_assert_ptr_nonnull (none);
  ck_assert_uint_eq (none->len, 0);
}
END_TEST

START_TEST (test_landscape_membership_listings_of_unknown_ids_are_null)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(GPtrArray) a = klynge_landscape_list_memberships_of_organisation (landscape, "org-nowhere");
  g_autoptr(GPtrArray) b = klynge_landscape_list_memberships_of_organisation (landscape, "m-zeta");
  g_autoptr(GPtrArray) c = klynge_landscape_list_memberships_of_member (landscape, "m-nowhere");
  g_autoptr(GPtrArray) d = klynge_landscape_list_memberships_of_member (landscape, "org-a");
  g_autoptr(GPtrArray) e = klynge_landscape_list_members_of (landscape, "org-nowhere", NULL);
  g_autoptr(GPtrArray) f = klynge_landscape_list_members_of (landscape, "c-1", NULL);

  ck_assert_ptr_null (a);
  ck_assert_ptr_null (b);
  ck_assert_ptr_null (c);
  ck_assert_ptr_null (d);
  ck_assert_ptr_null (e);
  ck_assert_ptr_null (f);
}
END_TEST

START_TEST (test_landscape_count_memberships_follows_adds_and_removes)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(GError) error = NULL;

  ck_assert_uint_eq (klynge_landscape_count_memberships (landscape), BASE_N_MEMBERSHIPS);
  add_membership_ok (landscape, "org-c", "m-lone", "2016", NULL);
  add_membership_ok (landscape, "org-c", "m-lone", "2018", NULL);
  ck_assert_uint_eq (klynge_landscape_count_memberships (landscape), BASE_N_MEMBERSHIPS + 2);
  ck_assert (klynge_landscape_remove_membership (landscape, "org-c", "m-lone", NULL, &error));
  ck_assert_no_error (error);
  ck_assert_uint_eq (klynge_landscape_count_memberships (landscape), BASE_N_MEMBERSHIPS);
}
END_TEST

START_TEST (test_landscape_add_membership_refuses_the_same_member_since_the_same_date)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(GError) error = NULL;
  KlyngeDate since = klynge_test_date ("2015");
  KlyngeDate until = klynge_test_date ("2016");
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *got = NULL;

  /* base has org-b m-zeta since 2015; a different until changes nothing */
  ck_assert (!klynge_landscape_add_membership (landscape, "org-b", "m-zeta", &since, &until, &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_DUPLICATE_MEMBERSHIP);
  ck_assert (!klynge_landscape_add_membership (landscape, "org-b", "m-zeta", &since, NULL, &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_DUPLICATE_MEMBERSHIP);

  /* two memberships without since are duplicates too */
  add_membership_ok (landscape, "org-c", "m-lone", NULL, NULL);
  ck_assert (!klynge_landscape_add_membership (landscape, "org-c", "m-lone", NULL, NULL, &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_DUPLICATE_MEMBERSHIP);

  ck_assert_uint_eq (klynge_landscape_count_memberships (landscape), BASE_N_MEMBERSHIPS + 1);
  list = klynge_landscape_list_memberships_of_organisation (landscape, "org-b");
  got = memberships_of (list);
  ck_assert_str_eq (got, "org-b m-zeta 2015.., org-b m-alpha 2016-03-01..2019-12-31");
}
END_TEST

START_TEST (test_landscape_add_membership_allows_rejoining_with_a_different_since)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *got = NULL;

  /* base: org-b m-alpha 2016-03-01..2019-12-31 */
  add_membership_ok (landscape, "org-b", "m-alpha", "2020-01-01", NULL);
  add_membership_ok (landscape, "org-b", "m-alpha", "2012", "2013");
  ck_assert_uint_eq (klynge_landscape_count_memberships (landscape), BASE_N_MEMBERSHIPS + 2);
  list = klynge_landscape_list_memberships_of_member (landscape, "m-alpha");
  ck_assert_uint_eq (list->len, 3);
  got = memberships_of (list);
  ck_assert_msg (g_str_has_prefix (got, "org-b m-alpha 2012..2013, "), "%s", got);
  ck_assert_msg (g_str_has_suffix (got, ", org-b m-alpha 2020-01-01.."), "%s", got);
}
END_TEST

START_TEST (test_landscape_add_membership_accepts_a_partial_until_in_the_year_it_begins)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();

  /* until 2019 stands for 2019-12-31, so it ends after it begins */
  add_membership_ok (landscape, "org-c", "m-lone", "2019-06-15", "2019");
  add_membership_ok (landscape, "org-c", "m-mid", "2019-06-15", "2019-06-15");
  ck_assert_uint_eq (klynge_landscape_count_memberships (landscape), BASE_N_MEMBERSHIPS + 2);
}
END_TEST

static const struct {
  const char *organisation;
  const char *member;
  const char *since;
  const char *until;
  int code;
} bad_memberships[] = {
  { "org-c", "m-lone", "2019-06-15", "2019-06-14", KLYNGE_ERROR_BAD_PERIOD },
  { "org-c", "m-lone", "2019", "2018", KLYNGE_ERROR_BAD_PERIOD },
  { "org-c", "m-lone", "2019-06", "2019-05-31", KLYNGE_ERROR_BAD_PERIOD },
  { "org-nowhere", "m-lone", "2019", NULL, KLYNGE_ERROR_UNRESOLVED_REFERENCE },
  { "org-c", "m-nowhere", "2019", NULL, KLYNGE_ERROR_UNRESOLVED_REFERENCE },
  { "org-c", "org-a", "2019", NULL, KLYNGE_ERROR_WRONG_REFERENCE_KIND },
  { "m-zeta", "m-lone", "2019", NULL, KLYNGE_ERROR_WRONG_REFERENCE_KIND },
  { "c-1", "m-lone", "2019", NULL, KLYNGE_ERROR_WRONG_REFERENCE_KIND },
  { "org-c", "fs-one", NULL, NULL, KLYNGE_ERROR_WRONG_REFERENCE_KIND },
};

START_TEST (test_landscape_add_membership_refuses_bad_input_with_its_code)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(GError) error = NULL;
  KlyngeDate since = klynge_test_date (bad_memberships[_i].since);
  KlyngeDate until = klynge_test_date (bad_memberships[_i].until);

  ck_assert (!klynge_landscape_add_membership (landscape, bad_memberships[_i].organisation,
                                               bad_memberships[_i].member,
                                               bad_memberships[_i].since ? &since : NULL,
                                               bad_memberships[_i].until ? &until : NULL,
                                               &error));
  ck_assert_msg (error != NULL && error->domain == KLYNGE_ERROR
                 && error->code == bad_memberships[_i].code,
                 "case %u: expected code %d, got %d: %s", _i, bad_memberships[_i].code,
                 error ? error->code : -1, error ? error->message : "no error");
  ck_assert_uint_eq (klynge_landscape_count_memberships (landscape), BASE_N_MEMBERSHIPS);
}
END_TEST

/* The version a save writes, from its root element. */
static char *
saved_version (KlyngeLandscape *landscape)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = klynge_landscape_save_bytes (landscape, &error);
  const char *text, *at;

  ck_assert_no_error (error);
  text = g_bytes_get_data (bytes, NULL);
  at = g_strstr_len (text, (gssize) g_bytes_get_size (bytes), "<landscape ");
  ck_assert_ptr_nonnull (at);
  at = strstr (at, "version=\"");
  ck_assert_ptr_nonnull (at);
  return g_strndup (at + strlen ("version=\""), 1);
}

START_TEST (test_landscape_membership_keeps_its_role_and_end)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  KlyngeDate since = klynge_test_date ("2018"), until = klynge_test_date ("2021-06-30");
  KlyngeMembership *m;

  ck_assert (klynge_landscape_add_membership_full (landscape, "org-c", "m-alpha", &since, &until,
                                                   KLYNGE_MEMBERSHIP_ROLE_PARTICIPANT,
                                                   KLYNGE_MEMBERSHIP_END_LEFT, &error));
  ck_assert_no_error (error);
  ck_assert (klynge_landscape_add_membership_full (landscape, "org-c", "m-mid", &since, NULL,
                                                   KLYNGE_MEMBERSHIP_ROLE_PARTNER,
                                                   KLYNGE_MEMBERSHIP_END_NONE, &error));
  add_membership_ok (landscape, "org-c", "m-lone", NULL, NULL);

  list = klynge_landscape_list_memberships_of_organisation (landscape, "org-c");
  ck_assert_uint_eq (list->len, 3);
  m = g_ptr_array_index (list, 0);
  ck_assert_int_eq (klynge_membership_get_role (m), KLYNGE_MEMBERSHIP_ROLE_PARTICIPANT);
  ck_assert_int_eq (klynge_membership_get_end (m), KLYNGE_MEMBERSHIP_END_LEFT);
  /* the bits beside the until date leave the date as it was */
  ck_assert (klynge_date_equal (klynge_membership_get_until (m), &until));
  ck_assert (klynge_date_equal (klynge_membership_get_since (m), &since));
  m = g_ptr_array_index (list, 1);
  ck_assert_int_eq (klynge_membership_get_role (m), KLYNGE_MEMBERSHIP_ROLE_PARTNER);
  ck_assert_int_eq (klynge_membership_get_end (m), KLYNGE_MEMBERSHIP_END_NONE);
  ck_assert (!klynge_date_is_set (klynge_membership_get_until (m)));
  ck_assert (klynge_membership_is_active_on (m, &until));
  m = g_ptr_array_index (list, 2);
  ck_assert_int_eq (klynge_membership_get_role (m), KLYNGE_MEMBERSHIP_ROLE_MEMBER);
  ck_assert_int_eq (klynge_membership_get_end (m), KLYNGE_MEMBERSHIP_END_NONE);
}
END_TEST

START_TEST (test_landscape_a_partner_without_until_is_a_member_on_every_later_day)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = NULL;
  KlyngeDate since = klynge_test_date ("2018"), later = klynge_test_date ("2030-01-01");

  /* the role's bits share a word with the until date: "no until" must
   * still read as no until */
  ck_assert (klynge_landscape_add_membership_full (landscape, "org-c", "m-mid", &since, NULL,
                                                   KLYNGE_MEMBERSHIP_ROLE_PARTICIPANT,
                                                   KLYNGE_MEMBERSHIP_END_NONE, &error));
  members = klynge_landscape_list_members_of (landscape, "org-c", &later);
  ck_assert_uint_eq (members->len, 1);
}
END_TEST

START_TEST (test_landscape_an_end_reason_needs_an_until_date)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(GError) error = NULL;
  KlyngeDate since = klynge_test_date ("2018");

  ck_assert (!klynge_landscape_add_membership_full (landscape, "org-c", "m-mid", &since, NULL,
                                                    KLYNGE_MEMBERSHIP_ROLE_MEMBER,
                                                    KLYNGE_MEMBERSHIP_END_MERGED, &error));
  ck_assert (g_error_matches (error, KLYNGE_ERROR, KLYNGE_ERROR_MEMBERSHIP_END_WITHOUT_UNTIL));
  ck_assert_uint_eq (klynge_landscape_count_memberships (landscape), BASE_N_MEMBERSHIPS);
}
END_TEST

START_TEST (test_landscape_saves_version_2_only_while_a_membership_has_a_role_or_end)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(GError) error = NULL;
  KlyngeDate since = klynge_test_date ("2018"), until = klynge_test_date ("2019");
  g_autofree char *v1 = NULL, *v2 = NULL, *v3 = NULL, *v4 = NULL;

  add_membership_ok (landscape, "org-c", "m-lone", NULL, NULL);
  v1 = saved_version (landscape);
  ck_assert_str_eq (v1, "1");
  ck_assert (klynge_landscape_add_membership_full (landscape, "org-c", "m-mid", &since, &until,
                                                   KLYNGE_MEMBERSHIP_ROLE_MEMBER,
                                                   KLYNGE_MEMBERSHIP_END_UNKNOWN, &error));
  v2 = saved_version (landscape);
  ck_assert_str_eq (v2, "2");
  ck_assert (klynge_landscape_remove_membership (landscape, "org-c", "m-mid", NULL, &error));
  v3 = saved_version (landscape);
  ck_assert_str_eq (v3, "1");
  ck_assert (klynge_landscape_add_membership_full (landscape, "org-c", "m-mid", NULL, NULL,
                                                   KLYNGE_MEMBERSHIP_ROLE_PARTNER,
                                                   KLYNGE_MEMBERSHIP_END_NONE, &error));
  v4 = saved_version (landscape);
  ck_assert_str_eq (v4, "2");
}
END_TEST

START_TEST (test_landscape_remove_membership_with_since_removes_only_that_one)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(GError) error = NULL;
  KlyngeDate since = klynge_test_date ("2019");
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *got = NULL;

  add_membership_ok (landscape, "org-b", "m-zeta", "2019", NULL);
  add_membership_ok (landscape, "org-b", "m-zeta", "2010", "2011");
  ck_assert (klynge_landscape_remove_membership (landscape, "org-b", "m-zeta", &since, &error));
  ck_assert_no_error (error);
  ck_assert_uint_eq (klynge_landscape_count_memberships (landscape), BASE_N_MEMBERSHIPS + 1);
  list = klynge_landscape_list_memberships_of_organisation (landscape, "org-b");
  got = memberships_of (list);
  ck_assert_str_eq (got, "org-b m-zeta 2010..2011, org-b m-zeta 2015.., "
                         "org-b m-alpha 2016-03-01..2019-12-31");
}
END_TEST

START_TEST (test_landscape_remove_membership_without_since_removes_all_of_that_member)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) org_list = NULL;
  g_autoptr(GPtrArray) member_list = NULL;
  g_autofree char *got = NULL;

  add_membership_ok (landscape, "org-b", "m-zeta", "2019", NULL);
  add_membership_ok (landscape, "org-b", "m-zeta", "2010", "2011");
  ck_assert (klynge_landscape_remove_membership (landscape, "org-b", "m-zeta", NULL, &error));
  ck_assert_no_error (error);
  ck_assert_uint_eq (klynge_landscape_count_memberships (landscape), BASE_N_MEMBERSHIPS - 1);
  org_list = klynge_landscape_list_memberships_of_organisation (landscape, "org-b");
  got = memberships_of (org_list);
  ck_assert_str_eq (got, "org-b m-alpha 2016-03-01..2019-12-31");
  /* m-zeta keeps its membership of org-a */
  member_list = klynge_landscape_list_memberships_of_member (landscape, "m-zeta");
  g_clear_pointer (&got, g_free);
  got = memberships_of (member_list);
  ck_assert_str_eq (got, "org-a m-zeta 2017-01-01..");
}
END_TEST

START_TEST (test_landscape_remove_membership_is_not_found_when_there_is_none)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(GError) error = NULL;
  KlyngeDate other = klynge_test_date ("2016");

  /* member without membership of that organisation */
  ck_assert (!klynge_landscape_remove_membership (landscape, "org-c", "m-zeta", NULL, &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_NOT_FOUND);
  /* a membership, but not since that date */
  ck_assert (!klynge_landscape_remove_membership (landscape, "org-b", "m-zeta", &other, &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_NOT_FOUND);
  /* ids that are not an organisation and a member */
  ck_assert (!klynge_landscape_remove_membership (landscape, "org-nowhere", "m-zeta", NULL, &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_UNRESOLVED_REFERENCE);
  ck_assert (!klynge_landscape_remove_membership (landscape, "org-b", "org-a", NULL, &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_WRONG_REFERENCE_KIND);
  ck_assert_uint_eq (klynge_landscape_count_memberships (landscape), BASE_N_MEMBERSHIPS);
}
END_TEST

START_TEST (test_landscape_list_members_of_gives_distinct_members_in_member_order)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) of_a = NULL;

  add_membership_ok (landscape, "org-c", "m-lone", "2016", NULL);
  add_membership_ok (landscape, "org-c", "m-zeta", "2019", NULL);
  add_membership_ok (landscape, "org-c", "m-zeta", "2010", "2012");
  add_membership_ok (landscape, "org-c", "m-zeta", "2013", "2014");
  members = klynge_landscape_list_members_of (landscape, "org-c", NULL);
  assert_ids (members, "m-zeta m-lone");
  ck_assert (KLYNGE_IS_MEMBER (g_ptr_array_index (members, 0)));
  ck_assert_ptr_eq (g_ptr_array_index (members, 0), klynge_landscape_lookup (landscape, "m-zeta"));
  of_a = klynge_landscape_list_members_of (landscape, "org-a", NULL);
  assert_ids (of_a, "m-zeta");
}
END_TEST

/* org-c: m-zeta 2010..2012 and 2019-03..; m-alpha 2011-06-01..2011-06-30;
 * m-lone 2012 (no until); m-mid with no dates */
static const struct {
  const char *date;
  const char *expected;
} members_active_cases[] = {
  { "2009-12-31", "m-mid" },
  { "2010", "m-zeta m-mid" },
  { "2011-06-01", "m-zeta m-alpha m-mid" },          /* since is inclusive */
  { "2011-06-30", "m-zeta m-alpha m-mid" },          /* until is inclusive */
  { "2011-07-01", "m-zeta m-mid" },
  { "2012-12-31", "m-zeta m-mid m-lone" },           /* until 2012 = 2012-12-31 */
  { "2013", "m-mid m-lone" },
  { "2019-02-28", "m-mid m-lone" },
  { "2019-03", "m-zeta m-mid m-lone" },              /* re-joined, listed once */
  { "2030", "m-zeta m-mid m-lone" },
};

START_TEST (test_landscape_list_members_of_active_on_a_date_counts_each_member_once)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  KlyngeDate date = klynge_test_date (members_active_cases[_i].date);
  g_autoptr(GPtrArray) members = NULL;
  g_autofree char *got = NULL;

  add_membership_ok (landscape, "org-c", "m-zeta", "2010", "2012");
  add_membership_ok (landscape, "org-c", "m-zeta", "2019-03", NULL);
  add_membership_ok (landscape, "org-c", "m-alpha", "2011-06-01", "2011-06-30");
  add_membership_ok (landscape, "org-c", "m-lone", "2012", NULL);
  add_membership_ok (landscape, "org-c", "m-mid", NULL, NULL);
  members = klynge_landscape_list_members_of (landscape, "org-c", &date);
  got = ids_of (members);
  ck_assert_msg (g_strcmp0 (got, members_active_cases[_i].expected) == 0,
                 "active on %s: expected “%s”, got “%s”", members_active_cases[_i].date,
                 members_active_cases[_i].expected, got);
}
END_TEST

START_TEST (test_landscape_list_members_of_agrees_with_membership_is_active_on)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(GPtrArray) memberships = NULL;

  add_membership_ok (landscape, "org-c", "m-zeta", "2010", "2012");
  add_membership_ok (landscape, "org-c", "m-zeta", "2019-03", NULL);
  add_membership_ok (landscape, "org-c", "m-alpha", "2011-06", "2011-06");
  add_membership_ok (landscape, "org-c", "m-lone", "2012", NULL);
  memberships = klynge_landscape_list_memberships_of_organisation (landscape, "org-c");
  for (guint year = 2008; year <= 2021; year++)
    for (guint month = 1; month <= 12; month++)
      {
        KlyngeDate date;
        g_autoptr(GPtrArray) members = NULL;
        g_autoptr(GHashTable) expected = g_hash_table_new (g_str_hash, g_str_equal);

        ck_assert (klynge_date_init (&date, year, month, month == 2 ? 28 : 30));
        for (guint i = 0; i < memberships->len; i++)
          if (klynge_membership_is_active_on (g_ptr_array_index (memberships, i), &date))
            g_hash_table_add (expected, (gpointer) klynge_membership_get_member (g_ptr_array_index (memberships, i)));
        members = klynge_landscape_list_members_of (landscape, "org-c", &date);
        ck_assert_msg (members->len == g_hash_table_size (expected),
                       "%u-%02u: %u members listed, %u memberships active",
                       year, month, members->len, g_hash_table_size (expected));
        for (guint i = 0; i < members->len; i++)
          ck_assert (g_hash_table_contains (expected, klynge_record_get_id (g_ptr_array_index (members, i))));
      }
}
END_TEST

/* --- member objects ------------------------------------------------------- */

START_TEST (test_landscape_lookup_of_a_member_returns_the_same_object_twice)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  KlyngeRecord *first = klynge_landscape_lookup (landscape, "m-alpha");
  KlyngeRecord *second = klynge_landscape_lookup (landscape, "m-alpha");
  g_autoptr(GPtrArray) listed = klynge_landscape_list (landscape, KLYNGE_TYPE_MEMBER);

  ck_assert_ptr_nonnull (first);
  ck_assert_ptr_eq (first, second);
  ck_assert_ptr_eq (g_ptr_array_index (listed, 1), first);
}
END_TEST

START_TEST (test_landscape_member_fields_survive_compact_storage)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new ();
  g_autoptr(GError) error = NULL;
  KlyngeMember *member;

  /* an object that the landscape does not keep: add a copy of its fields */
  {
    g_autoptr(KlyngeMember) original = klynge_member_new ("m-full", KLYNGE_MEMBER_KIND_KNOWLEDGE_INSTITUTION,
                                                          "Synthetic Institute ÆØÅ");
    klynge_member_set_size (original, KLYNGE_MEMBER_SIZE_LARGE);
    ck_assert (klynge_member_set_cvr (original, "13748136", &error));
    ck_assert_no_error (error);
    add_ok (landscape, original);
  }
  member = KLYNGE_MEMBER (klynge_landscape_lookup (landscape, "m-full"));
  ck_assert_ptr_nonnull (member);
  ck_assert_str_eq (klynge_record_get_id (KLYNGE_RECORD (member)), "m-full");
  ck_assert_str_eq (klynge_member_get_name (member), "Synthetic Institute ÆØÅ");
  ck_assert_int_eq (klynge_member_get_kind (member), KLYNGE_MEMBER_KIND_KNOWLEDGE_INSTITUTION);
  ck_assert_int_eq (klynge_member_get_size (member), KLYNGE_MEMBER_SIZE_LARGE);
  ck_assert_str_eq (klynge_member_get_cvr (member), "13748136");
  ck_assert_ptr_eq (klynge_landscape_lookup (landscape, "m-full"), member);
}
END_TEST

START_TEST (test_landscape_member_added_as_an_object_stays_authoritative)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new ();
  g_autoptr(KlyngeMember) member = member_new ("m-edit");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  KlyngeMember *found;

  add_ok (landscape, member);
  ck_assert (klynge_member_set_name (member, "Renamed Synthetic ApS", &error));
  ck_assert_no_error (error);
  klynge_member_set_kind (member, KLYNGE_MEMBER_KIND_PUBLIC);
  klynge_member_set_size (member, KLYNGE_MEMBER_SIZE_MICRO);

  found = KLYNGE_MEMBER (klynge_landscape_lookup (landscape, "m-edit"));
  ck_assert_ptr_eq (found, member);
  ck_assert_str_eq (klynge_member_get_name (found), "Renamed Synthetic ApS");
  ck_assert_int_eq (klynge_member_get_kind (found), KLYNGE_MEMBER_KIND_PUBLIC);
  ck_assert_int_eq (klynge_member_get_size (found), KLYNGE_MEMBER_SIZE_MICRO);
  listed = klynge_landscape_list (landscape, KLYNGE_TYPE_MEMBER);
  ck_assert_ptr_eq (g_ptr_array_index (listed, 0), member);
}
END_TEST

START_TEST (test_landscape_member_object_from_lookup_stays_authoritative)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(GError) error = NULL;
  KlyngeMember *member = KLYNGE_MEMBER (klynge_landscape_lookup (landscape, "m-mid"));
  g_autoptr(GPtrArray) members = NULL;

  ck_assert (klynge_member_set_name (member, "Edited Synthetic A/S", &error));
  ck_assert_no_error (error);
  members = klynge_landscape_list_members_of (landscape, "org-free", NULL);
  ck_assert_uint_eq (members->len, 1);
  ck_assert_ptr_eq (g_ptr_array_index (members, 0), member);
  ck_assert_str_eq (klynge_member_get_name (KLYNGE_MEMBER (klynge_landscape_lookup (landscape, "m-mid"))),
                    "Edited Synthetic A/S");
}
END_TEST

START_TEST (test_landscape_member_object_outlives_its_removal_for_a_holder_of_a_reference)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeRecord) held = g_object_ref (klynge_landscape_lookup (landscape, "m-lone"));

  ck_assert (klynge_landscape_remove (landscape, "m-lone", &error));
  ck_assert_no_error (error);
  ck_assert_ptr_null (klynge_landscape_lookup (landscape, "m-lone"));
  ck_assert_str_eq (klynge_record_get_id (held), "m-lone");
}
END_TEST

/* --- remove ----------------------------------------------------------------- */

START_TEST (test_landscape_remove_of_an_unknown_id_is_not_found)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(GError) error = NULL;

  ck_assert (!klynge_landscape_remove (landscape, "no-such-id", &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_NOT_FOUND);
  ck_assert (klynge_landscape_remove (landscape, "in-2", &error));
  ck_assert (!klynge_landscape_remove (landscape, "in-2", &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_NOT_FOUND);
  ck_assert_uint_eq (klynge_landscape_count (landscape, KLYNGE_TYPE_RECORD), BASE_N_RECORDS - 1);
}
END_TEST

/* An id from a caller (Python hands over whatever bytes a str encodes
 * to) need not be UTF-8; an error message must be. */
START_TEST (test_landscape_errors_quote_an_id_that_is_not_utf8_as_utf8)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(GOutputStream) sink = g_memory_output_stream_new_resizable ();
  const char *bad = "org-\xc3";
  GError *errors[5] = { NULL, };

  ck_assert (!klynge_landscape_remove (landscape, bad, &errors[0]));
  ck_assert (!klynge_landscape_add_membership (landscape, bad, "m-mid", NULL, NULL, &errors[1]));
  ck_assert (!klynge_landscape_add_membership (landscape, "org-a", bad, NULL, NULL, &errors[2]));
  ck_assert (!klynge_landscape_remove_membership (landscape, bad, "m-mid", NULL, &errors[3]));
  ck_assert (!klynge_landscape_export_csv (landscape, bad, sink, NULL, &errors[4]));
  for (guint i = 0; i < G_N_ELEMENTS (errors); i++)
    {
      ck_assert_msg (errors[i] != NULL && errors[i]->domain == KLYNGE_ERROR, "call %u", i);
      ck_assert_msg (g_utf8_validate (errors[i]->message, -1, NULL),
                     "call %u: the message is not UTF-8", i);
      g_error_free (errors[i]);
    }
}
END_TEST

static const struct {
  const char *id;
  const char *referrers;     /* what list_referrers gives */
} referenced[] = {
  { "org-c", "c-1 c-2 mg-1 in-1 in-2" },   /* holder, successor, host */
  { "org-b", "mg-1" },                     /* predecessor */
  { "org-a", "in-2" },                     /* participant */
  { "fs-one", "c-1" },                     /* share source */
  { "fs-two", "c-1 c-2" },
  { "c-1", "c-2" },                        /* renewed by */
  { "in-1", "in-2" },                      /* replaced by */
  { "m-zeta", "org-b org-a" },             /* memberships */
  { "m-mid", "org-free" },
};

START_TEST (test_landscape_remove_refuses_a_referenced_record_naming_its_referrers)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  const char *id = referenced[_i].id;
  KlyngeRecord *before = klynge_landscape_lookup (landscape, id);
  g_auto(GStrv) names = g_strsplit (referenced[_i].referrers, " ", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  ck_assert_ptr_nonnull (before);
  ck_assert (!klynge_landscape_remove (landscape, id, &error));
  ck_assert_ptr_nonnull (error);
  ck_assert_msg (error->code == KLYNGE_ERROR_REFERENCED, "%s: %s", id, error->message);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *quoted = g_strdup_printf ("“%s”", names[i]);
      ck_assert_msg (strstr (error->message, quoted) != NULL,
                     "removing %s: “%s” does not name %s", id, error->message, names[i]);
    }
  ck_assert_klynge_error (error, KLYNGE_ERROR_REFERENCED);

  ck_assert_ptr_eq (klynge_landscape_lookup (landscape, id), before);
  ck_assert (klynge_landscape_contains (landscape, id));
  ck_assert_uint_eq (klynge_landscape_count (landscape, KLYNGE_TYPE_RECORD), BASE_N_RECORDS);
  ck_assert_uint_eq (klynge_landscape_count_memberships (landscape), BASE_N_MEMBERSHIPS);
  problems = klynge_landscape_validate (landscape);
  ck_assert_uint_eq (problems->len, 0);
}
END_TEST

START_TEST (test_landscape_list_referrers_lists_every_referring_record_in_landscape_order)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(GPtrArray) referrers = klynge_landscape_list_referrers (landscape, referenced[_i].id);

  assert_ids (referrers, referenced[_i].referrers);
}
END_TEST

START_TEST (test_landscape_list_referrers_is_empty_for_unreferenced_and_unknown_ids)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  const char *ids[] = { "org-free", "m-lone", "c-2", "mg-1", "in-2", "no-such-id" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GPtrArray) referrers = klynge_landscape_list_referrers (landscape, ids[i]);
      ck_assert_ptr_nonnull (referrers);
      ck_assert_msg (referrers->len == 0, "%s has %u referrers", ids[i], referrers->len);
    }
}
END_TEST

START_TEST (test_landscape_remove_message_names_more_than_five_referrers_by_count)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 7; i++)
    {
      g_autofree char *id = g_strdup_printf ("in-extra-%u", i);
      g_autoptr(KlyngeInitiative) in = initiative_new (id, "org-a", NULL, NULL);
      add_ok (landscape, in);
    }
  ck_assert (!klynge_landscape_remove (landscape, "org-a", &error));
  ck_assert_ptr_nonnull (error);
  ck_assert_msg (strstr (error->message, "“in-2”") != NULL, "%s", error->message);
  ck_assert_msg (strstr (error->message, "3 more") != NULL, "%s", error->message);
  ck_assert_klynge_error (error, KLYNGE_ERROR_REFERENCED);
}
END_TEST

START_TEST (test_landscape_remove_of_an_unreferenced_organisation_removes_its_memberships)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) of_member = NULL;
  g_autoptr(GPtrArray) of_zeta = NULL;
  g_autoptr(GPtrArray) referrers = NULL;

  add_membership_ok (landscape, "org-free", "m-zeta", "2011", NULL);
  ck_assert_uint_eq (klynge_landscape_count_memberships (landscape), BASE_N_MEMBERSHIPS + 1);
  ck_assert (klynge_landscape_remove (landscape, "org-free", &error));
  ck_assert_no_error (error);
  ck_assert_uint_eq (klynge_landscape_count_memberships (landscape), BASE_N_MEMBERSHIPS - 1);
  ck_assert_uint_eq (klynge_landscape_count (landscape, KLYNGE_TYPE_ORGANISATION), 3);
  ck_assert_ptr_null (klynge_landscape_lookup (landscape, "org-free"));
  ck_assert (!klynge_landscape_contains (landscape, "org-free"));

  of_member = klynge_landscape_list_memberships_of_member (landscape, "m-mid");
  ck_assert_uint_eq (of_member->len, 0);
  of_zeta = klynge_landscape_list_memberships_of_member (landscape, "m-zeta");
  {
    g_autofree char *got = memberships_of (of_zeta);
    ck_assert_str_eq (got, "org-b m-zeta 2015.., org-a m-zeta 2017-01-01..");
  }
  referrers = klynge_landscape_list_referrers (landscape, "m-mid");
  ck_assert_uint_eq (referrers->len, 0);
  /* m-mid is now unreferenced and can go */
  ck_assert (klynge_landscape_remove (landscape, "m-mid", &error));
  ck_assert_no_error (error);
}
END_TEST

START_TEST (test_landscape_remove_of_unreferenced_records_of_each_kind)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(GError) error = NULL;
  /* in dependency order, so that each is unreferenced when removed */
  const char *order[] = { "in-2", "in-1", "mg-1", "c-2", "c-1", "fs-one", "fs-two",
                          "org-c", "org-free", "m-mid", "m-lone" };
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      ck_assert_msg (klynge_landscape_remove (landscape, order[i], &error),
                     "removing %s: %s", order[i], error ? error->message : "");
      ck_assert_ptr_null (klynge_landscape_lookup (landscape, order[i]));
      ck_assert (!klynge_landscape_contains (landscape, order[i]));
      ck_assert_uint_eq (klynge_landscape_count (landscape, KLYNGE_TYPE_RECORD), BASE_N_RECORDS - 1 - i);
    }
  all = klynge_landscape_list (landscape, KLYNGE_TYPE_RECORD);
  assert_ids (all, "m-zeta m-alpha org-b org-a");
  ck_assert_uint_eq (klynge_landscape_count (landscape, KLYNGE_TYPE_MEMBER), 2);
  ck_assert_uint_eq (klynge_landscape_count (landscape, KLYNGE_TYPE_CONTRACT), 0);
  problems = klynge_landscape_validate (landscape);
  ck_assert_uint_eq (problems->len, 0);
}
END_TEST

START_TEST (test_landscape_removed_id_can_be_added_again)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeMember) again = member_new ("m-lone");
  g_autoptr(KlyngeOrganisation) org_again = org_new ("org-free", KLYNGE_ORGANISATION_KIND_AGENCY,
                                                     NULL, NULL, NULL, NULL);
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) memberships = NULL;

  ck_assert (klynge_landscape_remove (landscape, "m-lone", &error));
  ck_assert (klynge_landscape_remove (landscape, "org-free", &error));
  ck_assert_no_error (error);
  add_ok (landscape, again);
  add_ok (landscape, org_again);
  ck_assert_ptr_eq (klynge_landscape_lookup (landscape, "m-lone"), again);
  ck_assert_ptr_eq (klynge_landscape_lookup (landscape, "org-free"), org_again);
  ck_assert_uint_eq (klynge_landscape_count (landscape, KLYNGE_TYPE_RECORD), BASE_N_RECORDS);
  members = klynge_landscape_list (landscape, KLYNGE_TYPE_MEMBER);
  assert_ids (members, "m-zeta m-alpha m-mid m-lone");
  /* the new organisation starts without the old one's memberships */
  memberships = klynge_landscape_list_memberships_of_organisation (landscape, "org-free");
  ck_assert_uint_eq (memberships->len, 0);
  add_membership_ok (landscape, "org-free", "m-lone", "2020", NULL);
  ck_assert_uint_eq (klynge_landscape_count_memberships (landscape), BASE_N_MEMBERSHIPS);
}
END_TEST

/* --- validate --------------------------------------------------------------- */

START_TEST (test_landscape_validate_of_a_clean_landscape_is_empty)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(GPtrArray) problems = klynge_landscape_validate (landscape);

  ck_assert_ptr_nonnull (problems);
  ck_assert_uint_eq (problems->len, 0);
}
END_TEST

START_TEST (test_landscape_validate_reports_a_holder_edited_to_an_unknown_id)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(GError) error = NULL;
  KlyngeContract *contract = KLYNGE_CONTRACT (klynge_landscape_lookup (landscape, "c-1"));
  g_autoptr(GPtrArray) problems = NULL;
  KlyngeProblem *problem;

  ck_assert (klynge_contract_set_holder (contract, "org-vanished", &error));
  ck_assert_no_error (error);
  problems = klynge_landscape_validate (landscape);
  ck_assert_uint_eq (problems->len, 1);
  problem = g_ptr_array_index (problems, 0);
  ck_assert_int_eq (klynge_problem_get_code (problem), KLYNGE_ERROR_UNRESOLVED_REFERENCE);
  ck_assert_str_eq (klynge_problem_get_record_id (problem), "c-1");
  ck_assert_msg (strstr (klynge_problem_get_message (problem), "org-vanished") != NULL,
                 "%s", klynge_problem_get_message (problem));
}
END_TEST

START_TEST (test_landscape_validate_reports_a_holder_edited_to_the_wrong_kind)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(GError) error = NULL;
  KlyngeContract *contract = KLYNGE_CONTRACT (klynge_landscape_lookup (landscape, "c-2"));
  g_autoptr(GPtrArray) problems = NULL;

  ck_assert (klynge_contract_set_holder (contract, "m-alpha", &error));
  problems = klynge_landscape_validate (landscape);
  ck_assert_uint_eq (problems->len, 1);
  ck_assert_int_eq (klynge_problem_get_code (g_ptr_array_index (problems, 0)),
                    KLYNGE_ERROR_WRONG_REFERENCE_KIND);
  ck_assert_str_eq (klynge_problem_get_record_id (g_ptr_array_index (problems, 0)), "c-2");
}
END_TEST

START_TEST (test_landscape_validate_reports_a_completed_merger_with_an_undissolved_predecessor)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(KlyngeMerger) merger = merger_new ("mg-done", KLYNGE_MERGER_KIND_MERGER, "org-free",
                                               "2019-01-01", "org-a", "org-b", NULL);
  g_autoptr(GPtrArray) problems = NULL;
  KlyngeProblem *problem;

  /* org-b was dissolved 2020-06-30, after the merger took effect; org-a
   * is not dissolved at all */
  klynge_merger_set_status (merger, KLYNGE_MERGER_STATUS_COMPLETED);
  add_ok (landscape, merger);
  problems = klynge_landscape_validate (landscape);
  ck_assert_uint_eq (problems->len, 2);
  for (guint i = 0; i < problems->len; i++)
    {
      problem = g_ptr_array_index (problems, i);
      ck_assert_int_eq (klynge_problem_get_code (problem), KLYNGE_ERROR_INCONSISTENT);
      ck_assert_str_eq (klynge_problem_get_record_id (problem), "mg-done");
    }
  ck_assert (strstr (klynge_problem_get_message (g_ptr_array_index (problems, 0)), "org-a") != NULL);
  ck_assert (strstr (klynge_problem_get_message (g_ptr_array_index (problems, 1)), "org-b") != NULL);
}
END_TEST

START_TEST (test_landscape_validate_accepts_a_completed_merger_whose_predecessors_are_dissolved)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  /* org-b dissolved 2020-06-30, the day before */
  g_autoptr(KlyngeMerger) merger = merger_new ("mg-done", KLYNGE_MERGER_KIND_ABSORPTION, "org-a",
                                               "2020-07-01", "org-b", NULL);
  g_autoptr(GPtrArray) problems = NULL;

  klynge_merger_set_status (merger, KLYNGE_MERGER_STATUS_COMPLETED);
  add_ok (landscape, merger);
  problems = klynge_landscape_validate (landscape);
  ck_assert_uint_eq (problems->len, 0);
}
END_TEST

START_TEST (test_landscape_validate_reports_a_renewal_cycle)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(GError) error = NULL;
  KlyngeContract *c1 = KLYNGE_CONTRACT (klynge_landscape_lookup (landscape, "c-1"));
  g_autoptr(GPtrArray) problems = NULL;
  gboolean c1_reported = FALSE, c2_reported = FALSE;

  /* c-2 renews c-1 already; now c-1 renews c-2 */
  ck_assert (klynge_contract_set_renews (c1, "c-2", &error));
  ck_assert_no_error (error);
  problems = klynge_landscape_validate (landscape);
  ck_assert_uint_ge (problems->len, 1);
  for (guint i = 0; i < problems->len; i++)
    {
      KlyngeProblem *problem = g_ptr_array_index (problems, i);
      ck_assert_int_eq (klynge_problem_get_code (problem), KLYNGE_ERROR_INCONSISTENT);
      c1_reported |= g_strcmp0 (klynge_problem_get_record_id (problem), "c-1") == 0;
      c2_reported |= g_strcmp0 (klynge_problem_get_record_id (problem), "c-2") == 0;
    }
  ck_assert (c1_reported || c2_reported);
}
END_TEST

START_TEST (test_landscape_validate_reports_a_cycle_that_does_not_include_the_start)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeContract) c3 = contract_new ("c-3", "org-c", "c-2", "fs-one", 10000u, NULL);
  g_autoptr(GPtrArray) problems = NULL;

  /* c-3 → c-2 → c-1 → c-2: c-3 is not in the loop but its chain never ends */
  add_ok (landscape, c3);
  ck_assert (klynge_contract_set_renews (KLYNGE_CONTRACT (klynge_landscape_lookup (landscape, "c-1")),
                                         "c-2", &error));
  problems = klynge_landscape_validate (landscape);
  ck_assert_uint_ge (problems->len, 1);
  for (guint i = 0; i < problems->len; i++)
    ck_assert_int_eq (klynge_problem_get_code (g_ptr_array_index (problems, i)), KLYNGE_ERROR_INCONSISTENT);
}
END_TEST

START_TEST (test_landscape_validate_reports_a_renewed_contract_that_was_removed_from_the_chain)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  KlyngeContract *c2 = KLYNGE_CONTRACT (klynge_landscape_lookup (landscape, "c-2"));

  ck_assert (klynge_contract_set_renews (c2, "c-gone", &error));
  problems = klynge_landscape_validate (landscape);
  ck_assert_uint_eq (problems->len, 1);
  ck_assert_int_eq (klynge_problem_get_code (g_ptr_array_index (problems, 0)),
                    KLYNGE_ERROR_UNRESOLVED_REFERENCE);
  ck_assert_str_eq (klynge_problem_get_record_id (g_ptr_array_index (problems, 0)), "c-2");
}
END_TEST

/* Each contract's chain was followed to its end with a table of its own:
 * 40,000 chained contracts took 140 s to validate. */
#define LONG_CHAIN 40000u

START_TEST (test_landscape_validate_follows_40000_chained_contracts_once)
{
  g_autoptr(KlyngeLandscape) landscape = base_landscape ();
  g_autoptr(GPtrArray) problems = NULL, looped = NULL;

  for (guint i = 0; i < LONG_CHAIN; i++)
    {
      g_autofree char *id = g_strdup_printf ("chain-%u", i);
      g_autofree char *renews = i > 0 ? g_strdup_printf ("chain-%u", i - 1) : NULL;
      g_autoptr(KlyngeContract) contract = contract_new (id, "org-c", renews, "fs-one", 10000u, NULL);

      add_ok (landscape, contract);
    }
  problems = klynge_landscape_validate (landscape);
  ck_assert_uint_eq (problems->len, 0);

  /* closing the chain into a loop makes every one of them go round, and
   * each is reported in landscape order */
  ck_assert (klynge_contract_set_renews (KLYNGE_CONTRACT (klynge_landscape_lookup (landscape, "chain-0")),
                                         "chain-39999", NULL));
  looped = klynge_landscape_validate (landscape);
  ck_assert_uint_eq (looped->len, LONG_CHAIN);
  for (guint i = 0; i < LONG_CHAIN; i++)
    {
      KlyngeProblem *problem = g_ptr_array_index (looped, i);
      g_autofree char *id = g_strdup_printf ("chain-%u", i);

      ck_assert_int_eq (klynge_problem_get_code (problem), KLYNGE_ERROR_INCONSISTENT);
      ck_assert_str_eq (klynge_problem_get_record_id (problem), id);
    }
}
END_TEST

/* --- a large landscape ------------------------------------------------------ */

#define BIG_MEMBERS 10000u
#define BIG_ORGS 50u
#define BIG_PER_MEMBER 5u

START_TEST (test_landscape_with_10000_members_and_50000_memberships_counts_right)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) of_member = NULL;
  g_autoptr(GPtrArray) of_org = NULL;
  g_autoptr(GPtrArray) members_of = NULL;
  guint total_listed = 0;

  for (guint o = 0; o < BIG_ORGS; o++)
    {
      g_autofree char *id = g_strdup_printf ("org-%02u", o);
      g_autoptr(KlyngeOrganisation) org = org_new (id, KLYNGE_ORGANISATION_KIND_CLUSTER,
                                                   NULL, NULL, NULL, NULL);
      add_ok (landscape, org);
    }
  for (guint m = 0; m < BIG_MEMBERS; m++)
    {
      g_autofree char *id = g_strdup_printf ("mem-%05u", m);
      g_autoptr(KlyngeMember) member = member_new (id);
      add_ok (landscape, member);
    }
  /* each member in five organisations, visited in a scattered order */
  for (guint k = 0; k < BIG_MEMBERS * BIG_PER_MEMBER; k++)
    {
      guint m = (k * 7919u) % BIG_MEMBERS;       /* 7919 is prime, so every member */
      guint j = k / BIG_MEMBERS;                 /* 0..4 */
      guint o = (m + j * 11u) % BIG_ORGS;
      char org_id[16], member_id[16];
      KlyngeDate since;

      g_snprintf (org_id, sizeof org_id, "org-%02u", o);
      g_snprintf (member_id, sizeof member_id, "mem-%05u", m);
      ck_assert (klynge_date_init (&since, 2000 + j, 1 + m % 12, 1));
      if (!klynge_landscape_add_membership (landscape, org_id, member_id, &since, NULL, &error))
        ck_abort_msg ("membership %u: %s", k, error->message);
    }

  ck_assert_uint_eq (klynge_landscape_count (landscape, KLYNGE_TYPE_MEMBER), BIG_MEMBERS);
  ck_assert_uint_eq (klynge_landscape_count (landscape, KLYNGE_TYPE_ORGANISATION), BIG_ORGS);
  ck_assert_uint_eq (klynge_landscape_count (landscape, KLYNGE_TYPE_RECORD), BIG_MEMBERS + BIG_ORGS);
  ck_assert_uint_eq (klynge_landscape_count_memberships (landscape), BIG_MEMBERS * BIG_PER_MEMBER);

  for (guint o = 0; o < BIG_ORGS; o++)
    {
      g_autofree char *id = g_strdup_printf ("org-%02u", o);
      g_autoptr(GPtrArray) list = klynge_landscape_list_memberships_of_organisation (landscape, id);
      total_listed += list->len;
    }
  ck_assert_uint_eq (total_listed, BIG_MEMBERS * BIG_PER_MEMBER);

  of_member = klynge_landscape_list_memberships_of_member (landscape, "mem-04321");
  ck_assert_uint_eq (of_member->len, BIG_PER_MEMBER);
  for (guint i = 1; i < of_member->len; i++)
    ck_assert_str_lt (klynge_membership_get_organisation (g_ptr_array_index (of_member, i - 1)),
                      klynge_membership_get_organisation (g_ptr_array_index (of_member, i)));

  /* every org holds 1000 memberships of 1000 distinct members */
  of_org = klynge_landscape_list_memberships_of_organisation (landscape, "org-07");
  ck_assert_uint_eq (of_org->len, BIG_MEMBERS * BIG_PER_MEMBER / BIG_ORGS);
  members_of = klynge_landscape_list_members_of (landscape, "org-07", NULL);
  ck_assert_uint_eq (members_of->len, BIG_MEMBERS * BIG_PER_MEMBER / BIG_ORGS);
  for (guint i = 1; i < members_of->len; i++)
    ck_assert_str_lt (klynge_record_get_id (g_ptr_array_index (members_of, i - 1)),
                      klynge_record_get_id (g_ptr_array_index (members_of, i)));

  /* removing one organisation takes its memberships with it */
  ck_assert (klynge_landscape_remove (landscape, "org-07", &error));
  ck_assert_no_error (error);
  ck_assert_uint_eq (klynge_landscape_count_memberships (landscape),
                     BIG_MEMBERS * BIG_PER_MEMBER - BIG_MEMBERS * BIG_PER_MEMBER / BIG_ORGS);
}
END_TEST

/* --- the suite ---------------------------------------------------------------- */

/* Past 2 MiB the member ids live in a huge-page mapping that moves as it
 * grows; ids longer than 15 bytes live elsewhere. Every id must still be
 * found, and read back, after all the moves. */
START_TEST (test_landscape_keeps_every_member_id_while_its_storage_grows)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new ();
  const guint32 n = 140000;   /* the ids pass 2 MiB at 131072 members */

  for (guint32 i = 0; i < n; i++)
    {
      /* every seventh id is too long to keep in place */
      g_autofree char *id = g_strdup_printf (i % 7 == 0 ? "member-with-a-long-id-%u" : "m-%u", i);
      KlyngeMemberValues values = { id, strlen (id), "Navn", 4, 0,
                                    KLYNGE_MEMBER_KIND_COMPANY, KLYNGE_MEMBER_SIZE_UNKNOWN };

      ck_assert_uint_eq (_klynge_membership_store_add_member (&landscape->store, &values), i);
    }
  for (guint32 i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf (i % 7 == 0 ? "member-with-a-long-id-%u" : "m-%u", i);
      guint32 index = G_MAXUINT32;

      ck_assert_str_eq (_klynge_landscape_member_id (landscape, i), id);
      ck_assert (_klynge_landscape_find_member (landscape, id, &index));
      ck_assert_uint_eq (index, i);
    }
  ck_assert (!_klynge_landscape_find_member (landscape, "m-140000", NULL));
}
END_TEST

static Suite *
landscape_suite (void)
{
  Suite *suite = suite_create ("landscape");
  TCase *records = tcase_create ("records");
  TCase *order = tcase_create ("order");
  TCase *filter = tcase_create ("filter");
  TCase *memberships = tcase_create ("memberships");
  TCase *members = tcase_create ("member-objects");
  TCase *remove = tcase_create ("remove");
  TCase *validate = tcase_create ("validate");
  TCase *large = tcase_create ("large");

  tcase_add_test (records, test_landscape_new_is_empty);
  tcase_add_loop_test (records, test_landscape_lookup_finds_a_record_of_each_kind_by_id,
                       0, G_N_ELEMENTS (kinds_by_id));
  tcase_add_test (records, test_landscape_lookup_returns_the_added_object);
  tcase_add_test (records, test_landscape_lookup_of_an_unknown_id_is_null);
  tcase_add_test (records, test_landscape_contains_every_added_id_and_nothing_else);
  tcase_add_test (records, test_landscape_count_counts_each_kind_and_all_records);
  tcase_add_loop_test (records, test_landscape_add_refuses_an_id_taken_by_any_kind_and_changes_nothing,
                       0, 10);
  tcase_add_loop_test (records, test_landscape_add_refuses_bad_records_with_their_code_and_changes_nothing,
                       0, N_BAD_RECORDS);
  tcase_add_loop_test (records, test_landscape_add_refuses_a_record_missing_a_required_field_and_changes_nothing,
                       0, G_N_ELEMENTS (missing_fields));
  tcase_add_test (records, test_landscape_add_accepts_an_absorption_with_one_predecessor);
  tcase_add_test (records, test_landscape_add_accepts_shares_that_sum_to_exactly_100);
  suite_add_tcase (suite, records);

  tcase_add_test (order, test_landscape_list_keeps_insertion_order_never_hash_order);
  tcase_add_test (order, test_landscape_list_of_each_kind_keeps_insertion_order);
  tcase_add_test (order, test_landscape_list_of_all_records_gives_the_format_section_order);
  tcase_add_test (order, test_landscape_list_after_a_removal_keeps_the_others_in_order);
  suite_add_tcase (suite, order);

  tcase_add_test (filter, test_landscape_list_organisations_without_filter_lists_all);
  tcase_add_test (filter, test_landscape_filter_by_kind);
  tcase_add_test (filter, test_landscape_filter_by_focus_area);
  tcase_add_test (filter, test_landscape_filter_by_city);
  tcase_add_loop_test (filter, test_landscape_filter_by_region_and_municipality,
                       0, G_N_ELEMENTS (geography_filters));
  tcase_add_loop_test (filter, test_landscape_filter_active_on_lists_only_the_organisations_known_to_be_active,
                       0, G_N_ELEMENTS (active_on_cases));
  tcase_add_loop_test (filter, test_landscape_filter_including_not_known_adds_exactly_those_not_known,
                       0, G_N_ELEMENTS (active_on_cases));
  tcase_add_loop_test (filter, test_landscape_view_counts_the_not_known_apart,
                       0, G_N_ELEMENTS (active_on_cases));
  tcase_add_test (filter, test_filter_matches_a_not_known_organisation_only_when_asked_to);
  tcase_add_loop_test (filter, test_landscape_status_treats_partial_and_missing_dates_as_uncertain,
                       0, G_N_ELEMENTS (status_cases));
  tcase_add_test (filter, test_landscape_filter_conditions_combine_so_all_must_hold);
  suite_add_tcase (suite, filter);

  tcase_add_test (memberships, test_landscape_add_membership_with_optional_dates);
  tcase_add_test (memberships, test_landscape_membership_keeps_its_role_and_end);
  tcase_add_test (memberships, test_landscape_a_partner_without_until_is_a_member_on_every_later_day);
  tcase_add_test (memberships, test_landscape_an_end_reason_needs_an_until_date);
  tcase_add_test (memberships, test_landscape_saves_version_2_only_while_a_membership_has_a_role_or_end);
  tcase_add_test (memberships, test_landscape_memberships_of_organisation_sort_by_member_order_then_since);
  tcase_add_test (memberships, test_landscape_memberships_of_member_sort_by_organisation_order_then_since);
  tcase_add_test (remove, test_landscape_errors_quote_an_id_that_is_not_utf8_as_utf8);
  tcase_add_test (memberships, test_landscape_membership_listings_of_unknown_ids_are_null);
  tcase_add_test (memberships, test_landscape_count_memberships_follows_adds_and_removes);
  tcase_add_test (memberships, test_landscape_add_membership_refuses_the_same_member_since_the_same_date);
  tcase_add_test (memberships, test_landscape_add_membership_allows_rejoining_with_a_different_since);
  tcase_add_test (memberships, test_landscape_add_membership_accepts_a_partial_until_in_the_year_it_begins);
  tcase_add_loop_test (memberships, test_landscape_add_membership_refuses_bad_input_with_its_code,
                       0, G_N_ELEMENTS (bad_memberships));
  tcase_add_test (memberships, test_landscape_remove_membership_with_since_removes_only_that_one);
  tcase_add_test (memberships, test_landscape_remove_membership_without_since_removes_all_of_that_member);
  tcase_add_test (memberships, test_landscape_remove_membership_is_not_found_when_there_is_none);
  tcase_add_test (memberships, test_landscape_list_members_of_gives_distinct_members_in_member_order);
  tcase_add_loop_test (memberships, test_landscape_list_members_of_active_on_a_date_counts_each_member_once,
                       0, G_N_ELEMENTS (members_active_cases));
  tcase_add_test (memberships, test_landscape_list_members_of_agrees_with_membership_is_active_on);
  suite_add_tcase (suite, memberships);

  tcase_add_test (members, test_landscape_lookup_of_a_member_returns_the_same_object_twice);
  tcase_add_test (members, test_landscape_member_fields_survive_compact_storage);
  tcase_add_test (members, test_landscape_member_added_as_an_object_stays_authoritative);
  tcase_add_test (members, test_landscape_member_object_from_lookup_stays_authoritative);
  tcase_add_test (members, test_landscape_member_object_outlives_its_removal_for_a_holder_of_a_reference);
  suite_add_tcase (suite, members);

  tcase_add_test (remove, test_landscape_remove_of_an_unknown_id_is_not_found);
  tcase_add_loop_test (remove, test_landscape_remove_refuses_a_referenced_record_naming_its_referrers,
                       0, G_N_ELEMENTS (referenced));
  tcase_add_loop_test (remove, test_landscape_list_referrers_lists_every_referring_record_in_landscape_order,
                       0, G_N_ELEMENTS (referenced));
  tcase_add_test (remove, test_landscape_list_referrers_is_empty_for_unreferenced_and_unknown_ids);
  tcase_add_test (remove, test_landscape_remove_message_names_more_than_five_referrers_by_count);
  tcase_add_test (remove, test_landscape_remove_of_an_unreferenced_organisation_removes_its_memberships);
  tcase_add_test (remove, test_landscape_remove_of_unreferenced_records_of_each_kind);
  tcase_add_test (remove, test_landscape_removed_id_can_be_added_again);
  suite_add_tcase (suite, remove);

  tcase_add_test (validate, test_landscape_validate_of_a_clean_landscape_is_empty);
  tcase_add_test (validate, test_landscape_validate_reports_a_holder_edited_to_an_unknown_id);
  tcase_add_test (validate, test_landscape_validate_reports_a_holder_edited_to_the_wrong_kind);
  tcase_add_test (validate, test_landscape_validate_reports_a_completed_merger_with_an_undissolved_predecessor);
  tcase_add_test (validate, test_landscape_validate_accepts_a_completed_merger_whose_predecessors_are_dissolved);
  tcase_add_test (validate, test_landscape_validate_reports_a_renewal_cycle);
  tcase_add_test (validate, test_landscape_validate_reports_a_cycle_that_does_not_include_the_start);
  tcase_add_test (validate, test_landscape_validate_reports_a_renewed_contract_that_was_removed_from_the_chain);
  tcase_add_test (validate, test_landscape_validate_follows_40000_chained_contracts_once);
  suite_add_tcase (suite, validate);

  tcase_add_test (large, test_landscape_with_10000_members_and_50000_memberships_counts_right);
  tcase_add_test (large, test_landscape_keeps_every_member_id_while_its_storage_grows);
  /* no timing assertion: only room for slow machines and valgrind */
  tcase_set_timeout (large, 120);
  suite_add_tcase (suite, large);

  return suite;
}

int
main (void)
{
  /* A critical from the library is a failure, whether or not the harness
   * sets G_DEBUG=fatal-criticals. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return klynge_test_run (landscape_suite ());
}
