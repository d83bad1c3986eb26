/* test-funding.c: funding totals, pro-rating and renewal chains
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "klynge-test.h"

/* --- synthetic landscapes --------------------------------------------------- */

static KlyngePeriod
period (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngePeriod) parsed = klynge_period_new_from_string (text, &error);

  ck_assert_no_error (error);
  return *parsed;
}

static KlyngeDate
date (const char *text)
{
  g_autoptr(GError) error = NULL;
  KlyngeDate parsed;

  ck_assert (klynge_date_parse (text, &parsed, &error));
  return parsed;
}

/* Contract @id held by @holder over @when ("START..END") with @shares
 * such as "siu:5000,es:5000" (basis points); @renews may be NULL. */
static KlyngeContract *
contract_with_shares (const char *id,
                      const char *holder,
                      const char *when,
                      gint64      amount,
                      const char *shares,
                      const char *renews)
{
  KlyngePeriod p = period (when);
  KlyngeContract *contract = klynge_contract_new (id, holder, &p, amount);
  g_auto(GStrv) parts = g_strsplit (shares, ",", -1);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (parts[i], ":", 2);
      g_autoptr(KlyngeShare) share = klynge_share_new (pair[0], (guint) atoi (pair[1]), &error);

      ck_assert_no_error (error);
      ck_assert (klynge_contract_add_share (contract, share, &error));
    }
  if (renews != NULL)
    ck_assert (klynge_contract_set_renews (contract, renews, &error));
  return contract;
}

static KlyngeContract *
add_to (KlyngeLandscape *landscape,
        KlyngeContract  *contract)
{
  g_autoptr(GError) error = NULL;

  ck_assert_msg (klynge_landscape_add (landscape, KLYNGE_RECORD (contract), &error),
                 "%s", error ? error->message : "");
  g_object_unref (contract);
  return contract;   /* the landscape holds it */
}

/* Adds contract_with_shares() to @landscape. */
static KlyngeContract *
add_contract (KlyngeLandscape *landscape,
              const char      *id,
              const char      *holder,
              const char      *when,
              gint64           amount,
              const char      *shares,
              const char      *renews)
{
  return add_to (landscape, contract_with_shares (id, holder, when, amount, shares, renews));
}

/* The same, its amount not known (with the note that says why). */
static KlyngeContract *
add_contract_of_unknown_amount (KlyngeLandscape *landscape,
                                const char      *id,
                                const char      *holder,
                                const char      *when,
                                const char      *shares)
{
  KlyngeContract *contract = contract_with_shares (id, holder, when, 0, shares, NULL);

  klynge_contract_set_amount_unknown (contract);
  ck_assert (klynge_record_set_note (KLYNGE_RECORD (contract), "The grant letter gives no amount.", NULL));
  return add_to (landscape, contract);
}

static void
add_source (KlyngeLandscape *landscape,
            const char      *id)
{
  g_autoptr(KlyngeFundingSource) source =
    klynge_funding_source_new (id, KLYNGE_FUNDING_SOURCE_KIND_NATIONAL_AGENCY, id);
  g_autoptr(GError) error = NULL;

  ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (source), &error));
}

static void
add_organisation (KlyngeLandscape        *landscape,
                  const char             *id,
                  KlyngeOrganisationKind  kind)
{
  g_autoptr(KlyngeOrganisation) organisation = klynge_organisation_new (id, kind, id);
  g_autoptr(GError) error = NULL;

  ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (organisation), &error));
}

/* Four agencies in this order (siu before es, on purpose not
 * alphabetical), CED (a support body) and two clusters, without
 * contracts. */
static KlyngeLandscape *
new_base_landscape (void)
{
  KlyngeLandscape *landscape = klynge_landscape_new ();

  add_source (landscape, "siu");
  add_source (landscape, "es");
  add_source (landscape, "deb");
  add_source (landscape, "ufs");
  add_organisation (landscape, "ced", KLYNGE_ORGANISATION_KIND_SUPPORT_BODY);
  add_organisation (landscape, "kb", KLYNGE_ORGANISATION_KIND_CLUSTER);
  add_organisation (landscape, "ka", KLYNGE_ORGANISATION_KIND_CLUSTER);
  return landscape;
}

/* CED's two contracts as the built-in data has them. */
static KlyngeLandscape *
new_ced_landscape (void)
{
  KlyngeLandscape *landscape = new_base_landscape ();

  add_contract (landscape, "ced-2019", "ced", "2019-10-01..2021-09-30", 800000000,
                "siu:5000,es:5000", NULL);
  add_contract (landscape, "ced-2021", "ced", "2021-10-01..2022-09-30", 400000000,
                "deb:5000,ufs:5000", "ced-2019");
  return landscape;
}

static gint64
sum_rows (GPtrArray *rows)
{
  gint64 sum = 0;

  for (guint i = 0; i < rows->len; i++)
    sum += klynge_funding_total_get_amount (g_ptr_array_index (rows, i));
  return sum;
}

static const KlyngeFundingTotal *
row (GPtrArray *rows,
     guint      i)
{
  ck_assert_uint_lt (i, rows->len);
  return g_ptr_array_index (rows, i);
}

static void
assert_ids (GPtrArray          *records,
            const char * const *ids)
{
  guint n = g_strv_length ((char **) ids);

  ck_assert_uint_eq (records->len, n);
  for (guint i = 0; i < n; i++)
    ck_assert_str_eq (klynge_record_get_id (g_ptr_array_index (records, i)), ids[i]);
}

/* --- CED's contract ----------------------------------------------------------- */

/* The CED contract's 731 days: 92 in 2019, 366 in 2020, 273 in 2021. Of
 * an agency's 400000000 øre, C(k) = ⌊400000000 k ÷ 731⌋ gives
 * C(92) = 50341997 and C(458) = 250615595. */
START_TEST (test_ced_contract_gives_each_agency_4000000_kroner)
{
  g_autoptr(KlyngeLandscape) landscape = new_ced_landscape ();

  ck_assert_int_eq (klynge_landscape_funding_paid (landscape, "siu", "ced", NULL), 400000000);
  ck_assert_int_eq (klynge_landscape_funding_paid (landscape, "es", "ced", NULL), 400000000);
  ck_assert_int_eq (klynge_landscape_funding_paid (landscape, "deb", "ced", NULL), 200000000);
  ck_assert_int_eq (klynge_landscape_funding_paid (landscape, "ufs", NULL, NULL), 200000000);
  ck_assert_int_eq (klynge_landscape_funding_paid (landscape, NULL, "ced", NULL), 1200000000);
  ck_assert_int_eq (klynge_landscape_funding_paid (landscape, NULL, NULL, NULL), 1200000000);
  ck_assert_int_eq (klynge_landscape_funding_paid (landscape, "siu", "kb", NULL), 0);
  ck_assert_int_eq (klynge_landscape_funding_paid (landscape, "nobody", NULL, NULL), 0);
}
END_TEST

START_TEST (test_ced_agency_share_splits_over_2019_2020_2021_into_exact_ore_summing_to_it)
{
  g_autoptr(KlyngeLandscape) landscape = new_ced_landscape ();
  const char *years[] = { "2019", "2020", "2021" };
  const gint64 expected[] = { 50341997, 200273598, 149384405 };
  gint64 sum = 0;

  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      KlyngePeriod year = { date (years[i]), date (years[i]) };

      for (guint s = 0; s < 2; s++)
        ck_assert_int_eq (klynge_landscape_funding_paid (landscape, s ? "es" : "siu", "ced", &year),
                          expected[i]);
      sum += expected[i];
    }
  ck_assert_int_eq (sum, 400000000);
}
END_TEST

START_TEST (test_ced_totals_by_source_and_year_are_sorted_by_year_then_landscape_order)
{
  g_autoptr(KlyngeLandscape) landscape = new_ced_landscape ();
  g_autoptr(GPtrArray) rows =
    klynge_landscape_funding_totals (landscape, KLYNGE_FUNDING_BY_SOURCE | KLYNGE_FUNDING_BY_YEAR, NULL);
  /* ced-2021 over 365 days: 92 in 2021, 273 in 2022; C(92) of 200000000 */
  static const struct {
    guint year;
    const char *source;
    gint64 amount;
  } expected[] = {
    { 2019, "siu", 50341997 }, { 2019, "es", 50341997 },
    { 2020, "siu", 200273598 }, { 2020, "es", 200273598 },
    { 2021, "siu", 149384405 }, { 2021, "es", 149384405 },
    { 2021, "deb", 50410958 }, { 2021, "ufs", 50410958 },
    { 2022, "deb", 149589042 }, { 2022, "ufs", 149589042 },
  };

  ck_assert_uint_eq (rows->len, G_N_ELEMENTS (expected));
  for (guint i = 0; i < rows->len; i++)
    {
      ck_assert_uint_eq (klynge_funding_total_get_year (row (rows, i)), expected[i].year);
      ck_assert_str_eq (klynge_funding_total_get_source (row (rows, i)), expected[i].source);
      ck_assert_ptr_null (klynge_funding_total_get_holder (row (rows, i)));
      ck_assert_ptr_null (klynge_funding_total_get_kind_name (row (rows, i)));
      ck_assert_int_eq (klynge_funding_total_get_amount (row (rows, i)), expected[i].amount);
    }
  ck_assert_int_eq (sum_rows (rows), 1200000000);
}
END_TEST

/* --- grants of unknown amount ---------------------------------------------- */

/* CED's contracts and kb's grant from deb and ufs over 2021-2022 whose
 * amount is not known. */
static KlyngeLandscape *
new_landscape_with_a_grant_of_unknown_amount (void)
{
  KlyngeLandscape *landscape = new_ced_landscape ();

  add_contract_of_unknown_amount (landscape, "kb-grant", "kb", "2021-01-01..2022-12-31", "deb:5000,ufs:5000");
  return landscape;
}

static const struct {
  KlyngeFundingGrouping grouping;
  const char *n_unknown;      /* each row's count, in row order */
} unknown_cases[] = {
  { 0, "1" },                                          /* two shares, one grant */
  { KLYNGE_FUNDING_BY_YEAR, "0 0 1 1" },               /* 2019..2022 */
  { KLYNGE_FUNDING_BY_SOURCE, "0 0 1 1" },             /* siu es deb ufs */
  { KLYNGE_FUNDING_BY_SOURCE | KLYNGE_FUNDING_BY_YEAR, "0 0 0 0 0 0 1 1 1 1" },
  { KLYNGE_FUNDING_BY_HOLDER, "0 1" },                 /* ced, kb */
  { KLYNGE_FUNDING_BY_KIND, "1 0" },                   /* cluster, support body */
};

START_TEST (test_totals_count_a_grant_of_unknown_amount_instead_of_adding_zero)
{
  g_autoptr(KlyngeLandscape) landscape = new_landscape_with_a_grant_of_unknown_amount ();
  g_autoptr(KlyngeLandscape) known = new_ced_landscape ();
  g_autoptr(GPtrArray) rows = klynge_landscape_funding_totals (landscape, unknown_cases[_i].grouping, NULL);
  g_autoptr(GString) counts = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    g_string_append_printf (counts, "%s%u", i > 0 ? " " : "", klynge_funding_total_get_n_unknown (row (rows, i)));
  ck_assert_str_eq (counts->str, unknown_cases[_i].n_unknown);
  /* the amounts are those of the known contracts alone */
  ck_assert_int_eq (sum_rows (rows), 1200000000);
  {
    g_autoptr(GPtrArray) known_rows = klynge_landscape_funding_totals (known, unknown_cases[_i].grouping, NULL);

    ck_assert_int_eq (sum_rows (known_rows), sum_rows (rows));
  }
}
END_TEST

START_TEST (test_paid_leaves_out_a_grant_of_unknown_amount_and_says_how_many)
{
  g_autoptr(KlyngeLandscape) landscape = new_landscape_with_a_grant_of_unknown_amount ();
  KlyngePeriod in_2022 = period ("2022-01-01..2022-12-31");
  KlyngePeriod in_2020 = period ("2020-01-01..2020-12-31");

  ck_assert_int_eq (klynge_landscape_funding_paid (landscape, "deb", "kb", NULL), 0);
  ck_assert_uint_eq (klynge_landscape_funding_count_unknown (landscape, "deb", "kb", NULL), 1);
  ck_assert_uint_eq (klynge_landscape_funding_count_unknown (landscape, NULL, NULL, &in_2022), 1);
  ck_assert_uint_eq (klynge_landscape_funding_count_unknown (landscape, NULL, NULL, &in_2020), 0);
  ck_assert_uint_eq (klynge_landscape_funding_count_unknown (landscape, "siu", NULL, NULL), 0);
  ck_assert_uint_eq (klynge_landscape_funding_count_unknown (landscape, NULL, "ced", NULL), 0);
  /* deb's part of ced-2021 in 2022, as without the grant */
  ck_assert_int_eq (klynge_landscape_funding_paid (landscape, "deb", NULL, &in_2022), 149589042);
}
END_TEST

START_TEST (test_a_contract_of_unknown_amount_without_a_note_is_refused)
{
  g_autoptr(KlyngeLandscape) landscape = new_ced_landscape ();
  g_autoptr(KlyngeContract) contract = contract_with_shares ("kb-grant", "kb", "2021-01-01..2022-12-31", 0,
                                                             "deb:10000", NULL);
  g_autoptr(GError) error = NULL;

  klynge_contract_set_amount_unknown (contract);
  ck_assert (!klynge_landscape_add (landscape, KLYNGE_RECORD (contract), &error));
  ck_assert (g_error_matches (error, KLYNGE_ERROR, KLYNGE_ERROR_MISSING_ELEMENT));
}
END_TEST

START_TEST (test_ced_extension_to_2022_forms_a_chain_without_a_gap)
{
  g_autoptr(KlyngeLandscape) landscape = new_ced_landscape ();
  static const char * const chain_ids[] = { "ced-2019", "ced-2021", NULL };
  g_autoptr(GPtrArray) from_first = klynge_landscape_contract_chain (landscape, "ced-2019");
  g_autoptr(GPtrArray) from_last = klynge_landscape_contract_chain (landscape, "ced-2021");
  g_autoptr(GPtrArray) problems = klynge_landscape_check_contract_chains (landscape, "ced");
  g_autoptr(GPtrArray) all_problems = klynge_landscape_check_contract_chains (landscape, NULL);

  assert_ids (from_first, chain_ids);
  assert_ids (from_last, chain_ids);
  ck_assert_uint_eq (problems->len, 0);
  ck_assert_uint_eq (all_problems->len, 0);
}
END_TEST

START_TEST (test_ced_contract_agencies_pay_equal_shares)
{
  g_autoptr(KlyngeLandscape) landscape = new_ced_landscape ();
  KlyngeContract *contract = KLYNGE_CONTRACT (klynge_landscape_lookup (landscape, "ced-2019"));
  static const char * const agencies[] = { "siu", "es", NULL };
  g_autoptr(GError) error = NULL;

  ck_assert (klynge_contract_check_equal_shares (contract, NULL, &error));
  ck_assert (klynge_contract_check_equal_shares (contract, agencies, &error));
  ck_assert_no_error (error);
}
END_TEST

/* --- the built-in data ----------------------------------------------------------- */

START_TEST (test_default_landscape_ced_contracts_pay_as_the_issue_states)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new_default ();
  KlyngePeriod y2020 = { date ("2020"), date ("2020") };
  g_autoptr(GPtrArray) chain = klynge_landscape_contract_chain (landscape, "ced-2021");
  g_autoptr(GPtrArray) problems = klynge_landscape_check_contract_chains (landscape, "ced");
  static const char * const chain_ids[] = { "ced-2019", "ced-2021", NULL };

  ck_assert_int_eq (klynge_landscape_funding_paid (landscape, "siu", "ced", NULL), 400000000);
  ck_assert_int_eq (klynge_landscape_funding_paid (landscape, "es", "ced", NULL), 400000000);
  ck_assert_int_eq (klynge_landscape_funding_paid (landscape, "es", "ced", &y2020), 200273598);
  assert_ids (chain, chain_ids);
  ck_assert_uint_eq (problems->len, 0);
}
END_TEST

START_TEST (test_default_landscape_totals_of_every_grouping_sum_to_the_contract_amounts)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new_default ();
  g_autoptr(GPtrArray) contracts = klynge_landscape_list (landscape, KLYNGE_TYPE_CONTRACT);
  gint64 amounts = 0;

  ck_assert_uint_gt (contracts->len, 2);
  for (guint i = 0; i < contracts->len; i++)
    amounts += klynge_contract_get_amount (g_ptr_array_index (contracts, i));

  for (guint grouping = 0; grouping < 16; grouping++)
    {
      g_autoptr(GPtrArray) rows = klynge_landscape_funding_totals (landscape, grouping, NULL);

      ck_assert_int_eq (sum_rows (rows), amounts);
    }
}
END_TEST

/* --- totals ------------------------------------------------------------------------ */

START_TEST (test_totals_without_grouping_give_one_grand_total_row)
{
  g_autoptr(KlyngeLandscape) landscape = new_ced_landscape ();
  g_autoptr(KlyngeLandscape) empty = klynge_landscape_new ();
  g_autoptr(GPtrArray) rows = klynge_landscape_funding_totals (landscape, 0, NULL);
  g_autoptr(GPtrArray) empty_rows = klynge_landscape_funding_totals (empty, 0, NULL);
  g_autoptr(GPtrArray) empty_by_year = klynge_landscape_funding_totals (empty, KLYNGE_FUNDING_BY_YEAR, NULL);

  ck_assert_uint_eq (rows->len, 1);
  ck_assert_int_eq (klynge_funding_total_get_amount (row (rows, 0)), 1200000000);
  ck_assert_ptr_null (klynge_funding_total_get_source (row (rows, 0)));
  ck_assert_ptr_null (klynge_funding_total_get_holder (row (rows, 0)));
  ck_assert_uint_eq (klynge_funding_total_get_year (row (rows, 0)), 0);
  ck_assert_ptr_null (klynge_funding_total_get_kind_name (row (rows, 0)));

  ck_assert_uint_eq (empty_rows->len, 1);
  ck_assert_int_eq (klynge_funding_total_get_amount (row (empty_rows, 0)), 0);
  ck_assert_uint_eq (empty_by_year->len, 0);
}
END_TEST

START_TEST (test_totals_by_holder_and_kind_follow_landscape_and_enum_order)
{
  g_autoptr(KlyngeLandscape) landscape = new_ced_landscape ();
  g_autoptr(GPtrArray) by_holder = NULL;
  g_autoptr(GPtrArray) by_kind = NULL;

  /* organisations are listed ced, kb, ka */
  add_contract (landscape, "ka-1", "ka", "2020..2020", 1000, "siu:10000", NULL);
  add_contract (landscape, "kb-1", "kb", "2020..2020", 2000, "es:10000", NULL);

  by_holder = klynge_landscape_funding_totals (landscape, KLYNGE_FUNDING_BY_HOLDER, NULL);
  ck_assert_uint_eq (by_holder->len, 3);
  ck_assert_str_eq (klynge_funding_total_get_holder (row (by_holder, 0)), "ced");
  ck_assert_int_eq (klynge_funding_total_get_amount (row (by_holder, 0)), 1200000000);
  ck_assert_str_eq (klynge_funding_total_get_holder (row (by_holder, 1)), "kb");
  ck_assert_int_eq (klynge_funding_total_get_amount (row (by_holder, 1)), 2000);
  ck_assert_str_eq (klynge_funding_total_get_holder (row (by_holder, 2)), "ka");
  ck_assert_int_eq (klynge_funding_total_get_amount (row (by_holder, 2)), 1000);

  /* cluster comes before support-body in KlyngeOrganisationKind */
  by_kind = klynge_landscape_funding_totals (landscape, KLYNGE_FUNDING_BY_KIND, NULL);
  ck_assert_uint_eq (by_kind->len, 2);
  ck_assert_str_eq (klynge_funding_total_get_kind_name (row (by_kind, 0)), "cluster");
  ck_assert_int_eq (klynge_funding_total_get_amount (row (by_kind, 0)), 3000);
  ck_assert_str_eq (klynge_funding_total_get_kind_name (row (by_kind, 1)), "support-body");
  ck_assert_int_eq (klynge_funding_total_get_amount (row (by_kind, 1)), 1200000000);
  ck_assert_ptr_null (klynge_funding_total_get_holder (row (by_kind, 1)));
}
END_TEST

START_TEST (test_totals_by_all_four_keys_fill_every_key)
{
  g_autoptr(KlyngeLandscape) landscape = new_ced_landscape ();
  g_autoptr(GPtrArray) rows =
    klynge_landscape_funding_totals (landscape, KLYNGE_FUNDING_BY_SOURCE | KLYNGE_FUNDING_BY_HOLDER |
                                     KLYNGE_FUNDING_BY_YEAR | KLYNGE_FUNDING_BY_KIND, NULL);

  ck_assert_uint_eq (rows->len, 10);
  ck_assert_uint_eq (klynge_funding_total_get_year (row (rows, 0)), 2019);
  ck_assert_str_eq (klynge_funding_total_get_source (row (rows, 0)), "siu");
  ck_assert_str_eq (klynge_funding_total_get_holder (row (rows, 0)), "ced");
  ck_assert_str_eq (klynge_funding_total_get_kind_name (row (rows, 0)), "support-body");
  ck_assert_int_eq (klynge_funding_total_get_amount (row (rows, 0)), 50341997);
  ck_assert_int_eq (sum_rows (rows), 1200000000);
}
END_TEST

START_TEST (test_totals_keep_a_row_for_a_zero_percent_share)
{
  g_autoptr(KlyngeLandscape) landscape = new_base_landscape ();
  g_autoptr(GPtrArray) rows = NULL;

  add_contract (landscape, "c", "kb", "2020..2020", 10000, "siu:10000,es:0", NULL);
  rows = klynge_landscape_funding_totals (landscape, KLYNGE_FUNDING_BY_SOURCE, NULL);
  ck_assert_uint_eq (rows->len, 2);
  ck_assert_str_eq (klynge_funding_total_get_source (row (rows, 1)), "es");
  ck_assert_int_eq (klynge_funding_total_get_amount (row (rows, 1)), 0);
}
END_TEST

START_TEST (test_totals_within_a_period_clip_each_contract_to_it)
{
  g_autoptr(KlyngeLandscape) landscape = new_ced_landscape ();
  KlyngePeriod y2021 = period ("2021..2021");
  KlyngePeriod before = period ("2000..2019-09-30");
  g_autoptr(GPtrArray) rows =
    klynge_landscape_funding_totals (landscape, KLYNGE_FUNDING_BY_SOURCE | KLYNGE_FUNDING_BY_YEAR, &y2021);
  g_autoptr(GPtrArray) total = klynge_landscape_funding_totals (landscape, 0, &y2021);
  g_autoptr(GPtrArray) none = klynge_landscape_funding_totals (landscape, KLYNGE_FUNDING_BY_SOURCE, &before);
  g_autoptr(GPtrArray) none_total = klynge_landscape_funding_totals (landscape, 0, &before);

  ck_assert_uint_eq (rows->len, 4);
  for (guint i = 0; i < rows->len; i++)
    ck_assert_uint_eq (klynge_funding_total_get_year (row (rows, i)), 2021);
  ck_assert_int_eq (sum_rows (rows), 2 * 149384405 + 2 * 50410958);
  ck_assert_int_eq (sum_rows (total), sum_rows (rows));
  ck_assert_int_eq (klynge_landscape_funding_paid (landscape, NULL, NULL, &y2021), sum_rows (rows));
  ck_assert_uint_eq (none->len, 0);
  ck_assert_uint_eq (none_total->len, 1);
  ck_assert_int_eq (sum_rows (none_total), 0);
}
END_TEST

START_TEST (test_totals_within_an_open_ended_period_count_to_the_data_edge)
{
  g_autoptr(KlyngeLandscape) landscape = new_ced_landscape ();
  KlyngePeriod from_2021 = { date ("2021"), { 0, } };
  KlyngePeriod to_2020 = { { 0, }, date ("2020") };
  KlyngePeriod all = { { 0, }, { 0, } };
  gint64 later = klynge_landscape_funding_paid (landscape, NULL, NULL, &from_2021);
  gint64 earlier = klynge_landscape_funding_paid (landscape, NULL, NULL, &to_2020);

  ck_assert_int_eq (earlier, 2 * (50341997 + 200273598));
  ck_assert_int_eq (earlier + later, 1200000000);
  ck_assert_int_eq (klynge_landscape_funding_paid (landscape, NULL, NULL, &all), 1200000000);
}
END_TEST

START_TEST (test_totals_for_a_sub_period_agree_with_any_split_containing_it)
{
  g_autoptr(KlyngeLandscape) landscape = new_ced_landscape ();
  KlyngePeriod spring = period ("2020-03-01..2020-05-31");
  const char *months[] = { "2020-03", "2020-04", "2020-05" };
  gint64 by_month = 0;

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    {
      KlyngePeriod month = { date (months[i]), date (months[i]) };

      by_month += klynge_landscape_funding_paid (landscape, "siu", "ced", &month);
    }
  ck_assert_int_eq (by_month, klynge_landscape_funding_paid (landscape, "siu", "ced", &spring));
}
END_TEST

START_TEST (test_totals_with_an_unknown_grouping_flag_are_a_programmer_error)
{
  g_autoptr(KlyngeLandscape) landscape = new_ced_landscape ();
  GPtrArray *rows = NULL;

  assert_critical (rows = klynge_landscape_funding_totals (landscape, 1 << 5, NULL));
  ck_assert_ptr_null (rows);
}
END_TEST

START_TEST (test_totals_of_the_largest_amount_do_not_overflow)
{
  g_autoptr(KlyngeLandscape) landscape = new_base_landscape ();
  g_autoptr(GPtrArray) rows = NULL;

  add_contract (landscape, "max", "kb", "2001-03-01..2031-02-28", KLYNGE_MONEY_MAX,
                "siu:3333,es:3333,deb:3334", NULL);
  rows = klynge_landscape_funding_totals (landscape, KLYNGE_FUNDING_BY_SOURCE | KLYNGE_FUNDING_BY_YEAR, NULL);
  ck_assert_uint_eq (rows->len, 31 * 3);
  ck_assert_int_eq (sum_rows (rows), KLYNGE_MONEY_MAX);
  for (guint i = 0; i < rows->len; i++)
    ck_assert_int_ge (klynge_funding_total_get_amount (row (rows, i)), 0);
}
END_TEST

/* Two contracts whose totals meet in one row: where the sum exceeds
 * KLYNGE_MONEY_MAX it wrapped to a negative figure; now it is refused. */
static const struct {
  gint64 first, second;
  const char *second_holder;
  KlyngeFundingGrouping grouping;
  guint rows;           /* 0: refused with KLYNGE_ERROR_OVERFLOW */
  gint64 total;         /* of the first row */
} largest_sums[] = {
  { KLYNGE_MONEY_MAX, 0, "kb", 0, 1, KLYNGE_MONEY_MAX },
  { KLYNGE_MONEY_MAX - 1, 1, "kb", 0, 1, KLYNGE_MONEY_MAX },
  { KLYNGE_MONEY_MAX / 2, KLYNGE_MONEY_MAX / 2 + 1, "kb", KLYNGE_FUNDING_BY_SOURCE, 1, KLYNGE_MONEY_MAX },
  { KLYNGE_MONEY_MAX, 1, "kb", 0, 0, 0 },
  { KLYNGE_MONEY_MAX, KLYNGE_MONEY_MAX, "kb", 0, 0, 0 },
  { KLYNGE_MONEY_MAX, KLYNGE_MONEY_MAX, "kb", KLYNGE_FUNDING_BY_SOURCE | KLYNGE_FUNDING_BY_YEAR, 0, 0 },
  { KLYNGE_MONEY_MAX, KLYNGE_MONEY_MAX, "ka", 0, 0, 0 },
  /* rows of their own each fit */
  { KLYNGE_MONEY_MAX, KLYNGE_MONEY_MAX, "ka", KLYNGE_FUNDING_BY_HOLDER, 2, KLYNGE_MONEY_MAX },
};

START_TEST (test_totals_that_exceed_the_largest_amount_are_refused)
{
  g_autoptr(KlyngeLandscape) landscape = new_base_landscape ();
  g_autoptr(GPtrArray) rows = NULL, unchecked = NULL;
  g_autoptr(GError) error = NULL;

  add_contract (landscape, "first", "kb", "2020-01-01..2020-12-31", largest_sums[_i].first, "siu:10000", NULL);
  add_contract (landscape, "second", largest_sums[_i].second_holder, "2020-01-01..2020-12-31",
                largest_sums[_i].second, "siu:10000", NULL);
  rows = klynge_landscape_funding_totals_checked (landscape, largest_sums[_i].grouping, NULL, &error);
  unchecked = klynge_landscape_funding_totals (landscape, largest_sums[_i].grouping, NULL);
  if (largest_sums[_i].rows == 0)
    {
      ck_assert_ptr_null (rows);
      ck_assert (g_error_matches (error, KLYNGE_ERROR, KLYNGE_ERROR_OVERFLOW));
      ck_assert_ptr_null (unchecked);   /* never a wrong figure */
      return;
    }
  ck_assert_no_error (error);
  ck_assert_uint_eq (rows->len, largest_sums[_i].rows);
  ck_assert_uint_eq (unchecked->len, largest_sums[_i].rows);
  ck_assert_int_eq (klynge_funding_total_get_amount (row (rows, 0)), largest_sums[_i].total);
  for (guint i = 0; i < rows->len; i++)
    {
      ck_assert_int_ge (klynge_funding_total_get_amount (row (rows, i)), 0);
      ck_assert_int_eq (klynge_funding_total_get_amount (row (unchecked, i)),
                        klynge_funding_total_get_amount (row (rows, i)));
    }
}
END_TEST

/* What one source pays: two contracts whose parts are summed. Above
 * KLYNGE_MONEY_MAX the sum wrapped to a negative figure (signed overflow,
 * which UBSan reports); now the checked call refuses with
 * KLYNGE_ERROR_OVERFLOW and the unchecked one gives -1, which no amount
 * is. */
static const struct {
  gint64 first, second;
  const char *second_holder;
  const char *holder;    /* the query's holder; NULL for all */
  gint64 paid;           /* -1: refused with KLYNGE_ERROR_OVERFLOW */
} largest_paid[] = {
  { KLYNGE_MONEY_MAX, 0, "kb", NULL, KLYNGE_MONEY_MAX },
  { KLYNGE_MONEY_MAX - 1, 1, "kb", NULL, KLYNGE_MONEY_MAX },
  { KLYNGE_MONEY_MAX / 2, KLYNGE_MONEY_MAX / 2 + 1, "ka", NULL, KLYNGE_MONEY_MAX },
  { KLYNGE_MONEY_MAX, 1, "kb", NULL, -1 },
  { KLYNGE_MONEY_MAX, KLYNGE_MONEY_MAX, "kb", "kb", -1 },
  { KLYNGE_MONEY_MAX, KLYNGE_MONEY_MAX, "ka", NULL, -1 },
  /* the holder's own contracts fit */
  { KLYNGE_MONEY_MAX, KLYNGE_MONEY_MAX, "ka", "ka", KLYNGE_MONEY_MAX },
};

START_TEST (test_paid_above_the_largest_amount_is_refused)
{
  g_autoptr(KlyngeLandscape) landscape = new_base_landscape ();
  g_autoptr(GError) error = NULL;
  gint64 paid = 12345;
  gboolean ok;

  add_contract (landscape, "first", "kb", "2020-01-01..2020-12-31", largest_paid[_i].first, "siu:10000", NULL);
  add_contract (landscape, "second", largest_paid[_i].second_holder, "2020-01-01..2020-12-31",
                largest_paid[_i].second, "siu:10000", NULL);
  ok = klynge_landscape_funding_paid_checked (landscape, "siu", largest_paid[_i].holder, NULL, &paid, &error);
  if (largest_paid[_i].paid < 0)
    {
      ck_assert (!ok);
      ck_assert_klynge_error (error, KLYNGE_ERROR_OVERFLOW);
      ck_assert_int_eq (paid, 0);
    }
  else
    {
      ck_assert_no_error (error);
      ck_assert (ok);
      ck_assert_int_eq (paid, largest_paid[_i].paid);
    }
  ck_assert_int_eq (klynge_landscape_funding_paid (landscape, "siu", largest_paid[_i].holder, NULL),
                    largest_paid[_i].paid);
}
END_TEST

START_TEST (test_funding_total_is_a_refcounted_boxed_type)
{
  g_autoptr(KlyngeLandscape) landscape = new_ced_landscape ();
  g_autoptr(GPtrArray) rows = klynge_landscape_funding_totals (landscape, KLYNGE_FUNDING_BY_SOURCE, NULL);
  KlyngeFundingTotal *kept = klynge_funding_total_ref (g_ptr_array_index (rows, 0));
  KlyngeFundingTotal *copy;

  g_clear_pointer (&rows, g_ptr_array_unref);
  ck_assert_str_eq (klynge_funding_total_get_source (kept), "siu");
  copy = g_boxed_copy (KLYNGE_TYPE_FUNDING_TOTAL, kept);
  ck_assert_ptr_eq (copy, kept);
  g_boxed_free (KLYNGE_TYPE_FUNDING_TOTAL, copy);
  klynge_funding_total_unref (kept);
  ck_assert (G_TYPE_IS_FLAGS (KLYNGE_TYPE_FUNDING_GROUPING));
}
END_TEST

/* --- contracts in time ------------------------------------------------------------------ */

START_TEST (test_contracts_active_on_a_date_are_those_whose_period_contains_it)
{
  g_autoptr(KlyngeLandscape) landscape = new_ced_landscape ();
  static const struct {
    const char *date;
    const char *ids[3];
  } cases[] = {
    { "2019-09-30", { NULL } },
    { "2019-10-01", { "ced-2019", NULL } },
    { "2021-09-30", { "ced-2019", NULL } },
    { "2021-10-01", { "ced-2021", NULL } },
    { "2021", { "ced-2019", NULL } },          /* a partial date is its first day */
    { "2022-09-30", { "ced-2021", NULL } },
    { "2022-10-01", { NULL } },
  };

  add_contract (landscape, "kb-1", "kb", "2020..2020", 1000, "siu:10000", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KlyngeDate when = date (cases[i].date);
      g_autoptr(GPtrArray) active = klynge_landscape_contracts_active_on (landscape, &when);

      assert_ids (active, cases[i].ids);
    }
  {
    KlyngeDate when = date ("2020-06-15");
    g_autoptr(GPtrArray) active = klynge_landscape_contracts_active_on (landscape, &when);
    static const char * const ids[] = { "ced-2019", "kb-1", NULL };

    assert_ids (active, ids);
  }
}
END_TEST

START_TEST (test_contract_chain_follows_renewals_both_ways_in_time_order)
{
  g_autoptr(KlyngeLandscape) landscape = new_base_landscape ();
  static const char * const ids[] = { "a", "b", "c", "d", NULL };
  static const char * const asked[] = { "a", "b", "c", "d" };

  /* listed out of time order, with two renewals of a */
  add_contract (landscape, "a", "kb", "2010..2011", 100, "siu:10000", NULL);
  add_contract (landscape, "c", "kb", "2012-06..2013", 100, "siu:10000", "a");
  add_contract (landscape, "b", "kb", "2012..2012", 100, "siu:10000", "a");
  add_contract (landscape, "d", "kb", "2014..2015", 100, "siu:10000", "c");
  add_contract (landscape, "other", "kb", "2016..2017", 100, "siu:10000", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (asked); i++)
    {
      g_autoptr(GPtrArray) chain = klynge_landscape_contract_chain (landscape, asked[i]);

      assert_ids (chain, ids);
    }
  {
    g_autoptr(GPtrArray) alone = klynge_landscape_contract_chain (landscape, "other");
    static const char * const other[] = { "other", NULL };

    assert_ids (alone, other);
  }
}
END_TEST

START_TEST (test_contract_chain_of_what_is_not_a_contract_is_empty)
{
  g_autoptr(KlyngeLandscape) landscape = new_ced_landscape ();
  g_autoptr(GPtrArray) unknown = klynge_landscape_contract_chain (landscape, "no-such-contract");
  g_autoptr(GPtrArray) organisation = klynge_landscape_contract_chain (landscape, "ced");

  ck_assert_uint_eq (unknown->len, 0);
  ck_assert_uint_eq (organisation->len, 0);
}
END_TEST

START_TEST (test_contract_chain_that_loops_is_followed_once_round)
{
  g_autoptr(KlyngeLandscape) landscape = new_base_landscape ();
  KlyngeContract *a = add_contract (landscape, "a", "kb", "2010..2011", 100, "siu:10000", NULL);
  g_autoptr(GError) error = NULL;
  static const char * const ids[] = { "a", "b", NULL };

  add_contract (landscape, "b", "kb", "2012..2013", 100, "siu:10000", "a");
  ck_assert (klynge_contract_set_renews (a, "b", &error));
  {
    g_autoptr(GPtrArray) chain = klynge_landscape_contract_chain (landscape, "a");
    g_autoptr(GPtrArray) problems = klynge_landscape_check_contract_chains (landscape, NULL);

    assert_ids (chain, ids);
    /* b → a is the inconsistent link; a → b is fine */
    ck_assert_uint_eq (problems->len, 1);
    ck_assert_int_eq (klynge_problem_get_code (g_ptr_array_index (problems, 0)), KLYNGE_ERROR_INCONSISTENT);
  }
}
END_TEST

/* A renewal of ced-2019 (2019-10-01..2021-09-30) over each period, and
 * what the chain check says of it. */
static const struct {
  const char *renewal;
  int code;              /* -1: no problem */
  const char *days;      /* the days the message names */
} chain_cases[] = {
  { "2021-10-01..2022-09-30", -1, NULL },
  { "2021-10..2022-09", -1, NULL },                       /* partial dates, same days */
  { "2021-10-02..2022-09-30", KLYNGE_ERROR_CONTRACT_GAP, "2021-10-01..2021-10-01 (1 day)" },
  { "2021-10-03..2022-09-30", KLYNGE_ERROR_CONTRACT_GAP, "2021-10-01..2021-10-02 (2 days)" },
  { "2022..2022", KLYNGE_ERROR_CONTRACT_GAP, "2021-10-01..2021-12-31 (92 days)" },
  { "2021-09-30..2022-09-30", KLYNGE_ERROR_CONTRACT_OVERLAP, "2021-09-30..2021-09-30 (1 day)" },
  { "2021-09-01..2022-09-30", KLYNGE_ERROR_CONTRACT_OVERLAP, "2021-09-01..2021-09-30 (30 days)" },
  { "2020..2020", KLYNGE_ERROR_CONTRACT_OVERLAP, "2020-01-01..2020-12-31 (366 days)" },
  { "2019-01-01..2019-09-30", KLYNGE_ERROR_INCONSISTENT, NULL },
};

START_TEST (test_contract_chain_check_reports_gaps_and_overlaps_with_ids_and_dates)
{
  g_autoptr(KlyngeLandscape) landscape = new_base_landscape ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) other_holder = NULL;

  add_contract (landscape, "ced-2019", "ced", "2019-10-01..2021-09-30", 800000000,
                "siu:5000,es:5000", NULL);
  add_contract (landscape, "ced-2021", "ced", chain_cases[_i].renewal, 400000000,
                "deb:5000,ufs:5000", "ced-2019");

  problems = klynge_landscape_check_contract_chains (landscape, "ced");
  other_holder = klynge_landscape_check_contract_chains (landscape, "kb");
  ck_assert_uint_eq (other_holder->len, 0);
  if (chain_cases[_i].code < 0)
    {
      ck_assert_uint_eq (problems->len, 0);
      return;
    }

  ck_assert_uint_eq (problems->len, 1);
  {
    KlyngeProblem *problem = g_ptr_array_index (problems, 0);
    const char *message = klynge_problem_get_message (problem);

    ck_assert_int_eq (klynge_problem_get_code (problem), chain_cases[_i].code);
    ck_assert_str_eq (klynge_problem_get_record_id (problem), "ced-2021");
    ck_assert_msg (strstr (message, "ced-2019") != NULL && strstr (message, "ced-2021") != NULL,
                   "message lacks the contract ids: %s", message);
    ck_assert_msg (strstr (message, chain_cases[_i].renewal) != NULL,
                   "message lacks the renewal's period: %s", message);
    ck_assert_msg (strstr (message, "2019-10-01..2021-09-30") != NULL,
                   "message lacks the renewed period: %s", message);
    if (chain_cases[_i].days != NULL)
      ck_assert_msg (strstr (message, chain_cases[_i].days) != NULL,
                     "message lacks “%s”: %s", chain_cases[_i].days, message);
  }
}
END_TEST

START_TEST (test_contract_chain_check_without_a_holder_checks_every_holder_in_order)
{
  g_autoptr(KlyngeLandscape) landscape = new_base_landscape ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) kb_problems = NULL;

  add_contract (landscape, "a1", "ka", "2010..2011", 100, "siu:10000", NULL);
  add_contract (landscape, "b1", "kb", "2010..2011", 100, "siu:10000", NULL);
  add_contract (landscape, "b2", "kb", "2011-06..2012", 100, "siu:10000", "b1");   /* overlap */
  add_contract (landscape, "a2", "ka", "2013..2014", 100, "siu:10000", "a1");      /* gap */
  add_contract (landscape, "a3", "ka", "2015..2016", 100, "siu:10000", "a2");      /* fine */
  /* a renewal by another holder (a merger's successor, say) counts for both */
  add_contract (landscape, "c1", "ced", "2017..2017", 100, "siu:10000", "a3");     /* fine */
  add_contract (landscape, "c2", "ced", "2019..2019", 100, "siu:10000", "b2");     /* gap */

  problems = klynge_landscape_check_contract_chains (landscape, NULL);
  ck_assert_uint_eq (problems->len, 3);
  ck_assert_str_eq (klynge_problem_get_record_id (g_ptr_array_index (problems, 0)), "b2");
  ck_assert_int_eq (klynge_problem_get_code (g_ptr_array_index (problems, 0)), KLYNGE_ERROR_CONTRACT_OVERLAP);
  ck_assert_str_eq (klynge_problem_get_record_id (g_ptr_array_index (problems, 1)), "a2");
  ck_assert_int_eq (klynge_problem_get_code (g_ptr_array_index (problems, 1)), KLYNGE_ERROR_CONTRACT_GAP);
  ck_assert_str_eq (klynge_problem_get_record_id (g_ptr_array_index (problems, 2)), "c2");
  ck_assert_int_eq (klynge_problem_get_code (g_ptr_array_index (problems, 2)), KLYNGE_ERROR_CONTRACT_GAP);

  kb_problems = klynge_landscape_check_contract_chains (landscape, "kb");
  ck_assert_uint_eq (kb_problems->len, 2);
  ck_assert_str_eq (klynge_problem_get_record_id (g_ptr_array_index (kb_problems, 0)), "b2");
  ck_assert_str_eq (klynge_problem_get_record_id (g_ptr_array_index (kb_problems, 1)), "c2");
}
END_TEST

START_TEST (test_contract_chain_check_gives_the_line_of_a_loaded_contract)
{
  static const char xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<landscape xmlns=\"urn:klynge:landscape:1\" version=\"1\">\n"
    "  <funding-sources>\n"
    "    <funding-source id=\"siu\" kind=\"national-agency\"><name>SIU</name></funding-source>\n"
    "  </funding-sources>\n"
    "  <organisations>\n"
    "    <organisation id=\"ced\" kind=\"support-body\" founded=\"2014\"><name>CED</name></organisation>\n"
    "  </organisations>\n"
    "  <contracts>\n"
    "    <contract id=\"c1\" holder=\"ced\" start=\"2019\" end=\"2020\" amount=\"10.00\">\n"
    "      <share source=\"siu\" percent=\"100\"/>\n"
    "    </contract>\n"
    "    <contract id=\"c2\" holder=\"ced\" start=\"2022\" end=\"2023\" amount=\"10.00\" renews=\"c1\">\n"
    "      <share source=\"siu\" percent=\"100\"/>\n"
    "    </contract>\n"
    "  </contracts>\n"
    "</landscape>\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, sizeof xml - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_load_bytes (bytes, "chain.xml", NULL, &error);
  g_autoptr(GPtrArray) problems = NULL;

  ck_assert_no_error (error);
  problems = klynge_landscape_check_contract_chains (landscape, NULL);
  ck_assert_uint_eq (problems->len, 1);
  ck_assert_int_eq (klynge_problem_get_code (g_ptr_array_index (problems, 0)), KLYNGE_ERROR_CONTRACT_GAP);
  ck_assert_uint_eq (klynge_problem_get_line (g_ptr_array_index (problems, 0)), 13);
}
END_TEST

/* --- across mergers ---------------------------------------------------------------------- */

/* The queries follow each contract's holder: after a merger effective on
 * 2020-07-01 the contracts the predecessors held on that date are the
 * successor's, the one that ended before stays with its predecessor. */
START_TEST (test_after_a_merger_the_successor_holds_the_contracts_active_on_its_date)
{
  g_autoptr(KlyngeLandscape) landscape = new_base_landscape ();
  KlyngeDate effective = date ("2020-07-01");
  g_autoptr(KlyngeMerger) merger = klynge_merger_new ("m", KLYNGE_MERGER_KIND_MERGER, "ks", &effective);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) by_holder = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  KlyngePeriod y2020 = period ("2020..2020");
  gint64 before_2020, before_total;

  add_organisation (landscape, "ks", KLYNGE_ORGANISATION_KIND_CLUSTER);
  add_contract (landscape, "ka-1", "ka", "2018..2019", 100000, "siu:10000", NULL);
  add_contract (landscape, "ka-2", "ka", "2020..2021", 730000, "siu:5000,es:5000", "ka-1");
  add_contract (landscape, "kb-1", "kb", "2020-03..2020-12", 30600, "deb:10000", NULL);
  before_2020 = klynge_landscape_funding_paid (landscape, NULL, NULL, &y2020);
  before_total = klynge_landscape_funding_paid (landscape, NULL, NULL, NULL);

  ck_assert (klynge_merger_add_predecessor (merger, "ka", &error));
  ck_assert (klynge_merger_add_predecessor (merger, "kb", &error));
  ck_assert_msg (klynge_landscape_apply_merger (landscape, merger, &error),
                 "%s", error ? error->message : "");

  by_holder = klynge_landscape_funding_totals (landscape, KLYNGE_FUNDING_BY_HOLDER, NULL);
  /* organisations are listed ced, kb, ka, ks; kb now holds nothing */
  ck_assert_uint_eq (by_holder->len, 2);
  ck_assert_str_eq (klynge_funding_total_get_holder (row (by_holder, 0)), "ka");
  ck_assert_int_eq (klynge_funding_total_get_amount (row (by_holder, 0)), 100000);
  ck_assert_str_eq (klynge_funding_total_get_holder (row (by_holder, 1)), "ks");
  ck_assert_int_eq (klynge_funding_total_get_amount (row (by_holder, 1)), 730000 + 30600);
  /* siu's 365000 of ka-2 over 731 days: ⌊365000 × 366 ÷ 731⌋ in 2020 */
  ck_assert_int_eq (klynge_landscape_funding_paid (landscape, "siu", "ks", &y2020), 182749);
  ck_assert_int_eq (klynge_landscape_funding_paid (landscape, NULL, "kb", NULL), 0);

  /* a merger moves money between holders, never creates or loses any */
  ck_assert_int_eq (klynge_landscape_funding_paid (landscape, NULL, NULL, &y2020), before_2020);
  ck_assert_int_eq (klynge_landscape_funding_paid (landscape, NULL, NULL, NULL), before_total);

  /* ka-2, now the successor's, still continues ka-1's chain */
  problems = klynge_landscape_check_contract_chains (landscape, "ks");
  ck_assert_uint_eq (problems->len, 0);
}
END_TEST

/* --- by designation -------------------------------------------------------- */

/* Adds programmes with the designations @spec gives, such as
 * "p1 kb national-cluster 2021-01-01 -; p2 kb other 2020 2020": each
 * "PROGRAMME ORGANISATION ROLE START END" (END "-" for none), the
 * programmes in the order they first appear. */
static void
add_designations (KlyngeLandscape *landscape,
                  const char      *spec)
{
  g_autoptr(GPtrArray) programmes = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) entries = g_strsplit (spec, ";", -1);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; entries[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (g_strstrip (entries[i]), " ", -1);
      GEnumClass *roles = g_type_class_ref (KLYNGE_TYPE_DESIGNATION_ROLE);
      GEnumValue *role = g_enum_get_value_by_nick (roles, f[2]);
      KlyngeDate start = date (f[3]);
      KlyngeDate end = { 0, };
      KlyngeProgramme *programme = NULL;
      g_autoptr(KlyngeDesignation) designation = NULL;

      ck_assert_uint_eq (g_strv_length (f), 5);
      ck_assert_ptr_nonnull (role);
      if (strcmp (f[4], "-") != 0)
        end = date (f[4]);
      for (guint p = 0; p < programmes->len && programme == NULL; p++)
        if (strcmp (klynge_record_get_id (g_ptr_array_index (programmes, p)), f[0]) == 0)
          programme = g_ptr_array_index (programmes, p);
      if (programme == NULL)
        {
          programme = klynge_programme_new (f[0], KLYNGE_PROGRAMME_KIND_CLUSTER_PROGRAMME, f[0]);
          g_ptr_array_add (programmes, programme);
        }
      designation = klynge_designation_new (f[1], role->value, NULL, &start,
                                            klynge_date_is_set (&end) ? &end : NULL, &error);
      ck_assert_no_error (error);
      ck_assert (klynge_programme_add_designation (programme, designation, &error));
      g_type_class_unref (roles);
    }
  for (guint p = 0; p < programmes->len; p++)
    ck_assert (klynge_landscape_add (landscape, g_ptr_array_index (programmes, p), &error));
  ck_assert_no_error (error);
}

/* The rows as "YEAR ROLE AMOUNT, …" (the year only when grouped by it). */
static char *
designation_rows_text (GPtrArray *rows)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      const KlyngeFundingTotal *total = row (rows, i);

      if (i > 0)
        g_string_append (text, ", ");
      if (klynge_funding_total_get_year (total) != 0)
        g_string_append_printf (text, "%u ", klynge_funding_total_get_year (total));
      /* "-" when not grouped by designation */
      g_string_append_printf (text, "%s %" G_GINT64_FORMAT,
                              klynge_funding_total_get_designation_role_name (total)
                              ? klynge_funding_total_get_designation_role_name (total) : "-",
                              klynge_funding_total_get_amount (total));
    }
  return g_string_free (text, FALSE);
}

/* kb's contract over 2020-07-01..2021-06-30 (365 days) of 100000000 øre
 * from siu alone; of it C(k) = ⌊100000000 k ÷ 365⌋ øre fall in the first k
 * days, so 2020's 184 days have C(184) = 50410958. */
static const struct {
  const char *designations;
  KlyngeFundingGrouping grouping;
  const char *rows;
} designation_cases[] = {
  /* designated from 2021 on: 2020 paid kb as nothing, 2021 as a national cluster */
  { "p kb national-cluster 2021-01-01 -", KLYNGE_FUNDING_BY_DESIGNATION | KLYNGE_FUNDING_BY_YEAR,
    "2020 none 50410958, 2021 national-cluster 49589042" },
  { "p kb national-cluster 2021-01-01 -", KLYNGE_FUNDING_BY_DESIGNATION,
    "none 50410958, national-cluster 49589042" },
  /* two on one day: the first programme's designation wins
   * (2020-10-01..2021-03-31, 182 days), the second's fills the rest */
  { "p1 kb innovation-network 2020-10-01 2021-03-31; p2 kb national-cluster 2020-07-01 -",
    KLYNGE_FUNDING_BY_DESIGNATION, "national-cluster 50136986, innovation-network 49863014" },
  { "p2 kb national-cluster 2020-07-01 -; p1 kb innovation-network 2020-10-01 2021-03-31",
    KLYNGE_FUNDING_BY_DESIGNATION, "national-cluster 100000000" },
  /* within one programme, its order decides */
  { "p kb innovation-network 2020-10-01 2021-03-31; p kb national-cluster 2020-07-01 -",
    KLYNGE_FUNDING_BY_DESIGNATION, "national-cluster 50136986, innovation-network 49863014" },
  /* partial dates count only the certain days: 2020-09-30..2021-03-01 */
  { "p kb national-cluster 2020-09 2021-03", KLYNGE_FUNDING_BY_DESIGNATION | KLYNGE_FUNDING_BY_YEAR,
    "2020 none 24931506, 2020 national-cluster 25479452, 2021 none 33150685, 2021 national-cluster 16438357" },
  /* from 2020 to 2020: no day is certain */
  { "p kb national-cluster 2020 2020", KLYNGE_FUNDING_BY_DESIGNATION, "none 100000000" },
  /* another organisation's designation, and one that ended before */
  { "p ka national-cluster 2020-01-01 -; p kb other 2017-01-01 2020-06-30",
    KLYNGE_FUNDING_BY_DESIGNATION, "none 100000000" },
  /* without the flag, designations change nothing */
  { "p kb national-cluster 2021-01-01 -", KLYNGE_FUNDING_BY_YEAR, "2020 - 50410958, 2021 - 49589042" },
};

START_TEST (test_totals_by_designation_split_the_days_at_the_holders_designations)
{
  g_autoptr(KlyngeLandscape) landscape = new_base_landscape ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *text = NULL;

  add_contract (landscape, "kb-2020", "kb", "2020-07-01..2021-06-30", 100000000, "siu:10000", NULL);
  add_designations (landscape, designation_cases[_i].designations);
  rows = klynge_landscape_funding_totals (landscape, designation_cases[_i].grouping, NULL);
  text = designation_rows_text (rows);
  ck_assert_str_eq (text, designation_cases[_i].rows);
  ck_assert_int_eq (sum_rows (rows), 100000000);
}
END_TEST

START_TEST (test_totals_by_designation_count_a_grant_of_unknown_amount_once_per_row)
{
  g_autoptr(KlyngeLandscape) landscape = new_base_landscape ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GString) counts = g_string_new (NULL);

  /* none, national-cluster, none again within 2021 */
  add_contract_of_unknown_amount (landscape, "kb-grant", "kb", "2021-01-01..2022-12-31", "deb:5000,ufs:5000");
  add_designations (landscape, "p kb national-cluster 2021-04-01 2021-06-30");
  rows = klynge_landscape_funding_totals (landscape, KLYNGE_FUNDING_BY_DESIGNATION | KLYNGE_FUNDING_BY_YEAR, NULL);
  for (guint i = 0; i < rows->len; i++)
    g_string_append_printf (counts, "%s%u %s %u", i > 0 ? ", " : "",
                            klynge_funding_total_get_year (row (rows, i)),
                            klynge_funding_total_get_designation_role_name (row (rows, i)),
                            klynge_funding_total_get_n_unknown (row (rows, i)));
  ck_assert_str_eq (counts->str, "2021 none 1, 2021 national-cluster 1, 2022 none 1");
  ck_assert_int_eq (sum_rows (rows), 0);
}
END_TEST

START_TEST (test_funding_grouping_by_designation_is_registered_as_designation)
{
  g_autoptr(GFlagsClass) flags = g_type_class_ref (KLYNGE_TYPE_FUNDING_GROUPING);
  GFlagsValue *value = g_flags_get_value_by_nick (flags, "designation");

  ck_assert_ptr_nonnull (value);
  ck_assert_uint_eq (value->value, KLYNGE_FUNDING_BY_DESIGNATION);
}
END_TEST

/* --- properties over random contracts ------------------------------------------------------- */

static const char * const random_sources[] = { "siu", "es", "deb", "ufs" };
static const char * const random_holders[] = { "ced", "kb", "ka" };

/* A landscape of up to 12 random contracts: random holders, periods from
 * one day to ten years between 2000 and 2040, amounts up to 10^13 øre
 * (some tiny), and 1 to 4 shares in random basis points summing to 100 %. */
static KlyngeLandscape *
new_random_landscape (GRand *rand)
{
  KlyngeLandscape *landscape = new_base_landscape ();
  guint n = g_rand_int_range (rand, 1, 13);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("c%u", i);
      GDate start;
      GDate end;
      char when[32];
      char start_text[16], end_text[16];
      g_autoptr(GString) shares = g_string_new (NULL);
      guint n_shares = g_rand_int_range (rand, 1, 5);
      guint used[4] = { 0, 1, 2, 3 };
      guint left = 10000;
      gint64 amount;

      g_date_clear (&start, 1);
      g_date_set_dmy (&start, 1, 1, 2000);
      g_date_add_days (&start, g_rand_int_range (rand, 0, 40 * 365));
      end = start;
      g_date_add_days (&end, g_rand_int_range (rand, 0, 3653));
      g_date_strftime (start_text, sizeof start_text, "%Y-%m-%d", &start);
      g_date_strftime (end_text, sizeof end_text, "%Y-%m-%d", &end);
      g_snprintf (when, sizeof when, "%s..%s", start_text, end_text);

      switch (g_rand_int_range (rand, 0, 3))
        {
        case 0:
          amount = g_rand_int_range (rand, 0, 1000);
          break;
        case 1:
          amount = g_rand_int_range (rand, 0, G_MAXINT32);
          break;
        default:
          amount = (gint64) (g_rand_double (rand) * 1e13);
          break;
        }

      /* a random choice of distinct sources */
      for (guint s = 0; s < 4; s++)
        {
          guint j = g_rand_int_range (rand, s, 4);
          guint t = used[s];

          used[s] = used[j];
          used[j] = t;
        }
      for (guint s = 0; s < n_shares; s++)
        {
          guint bp = s + 1 == n_shares ? left : (guint) g_rand_int_range (rand, 0, left + 1);

          g_string_append_printf (shares, "%s%s:%u", s ? "," : "", random_sources[used[s]], bp);
          left -= bp;
        }

      add_contract (landscape, id, random_holders[g_rand_int_range (rand, 0, 3)],
                    when, amount, shares->str, NULL);
    }
  return landscape;
}

static gint64
contract_amounts (KlyngeLandscape *landscape)
{
  g_autoptr(GPtrArray) contracts = klynge_landscape_list (landscape, KLYNGE_TYPE_CONTRACT);
  gint64 sum = 0;

  for (guint i = 0; i < contracts->len; i++)
    sum += klynge_contract_get_amount (g_ptr_array_index (contracts, i));
  return sum;
}

START_TEST (test_property_every_grouping_sums_to_the_contract_amounts_with_no_negative_row)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1000 + _i);
  g_autoptr(KlyngeLandscape) landscape = new_random_landscape (rand);
  gint64 amounts = contract_amounts (landscape);

  for (guint grouping = 0; grouping < 16; grouping++)
    {
      g_autoptr(GPtrArray) rows = klynge_landscape_funding_totals (landscape, grouping, NULL);

      for (guint i = 0; i < rows->len; i++)
        ck_assert_int_ge (klynge_funding_total_get_amount (row (rows, i)), 0);
      ck_assert_int_eq (sum_rows (rows), amounts);
    }
}
END_TEST

START_TEST (test_property_rows_of_a_finer_grouping_sum_to_the_rows_of_a_coarser_one)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2000 + _i);
  g_autoptr(KlyngeLandscape) landscape = new_random_landscape (rand);
  g_autoptr(GPtrArray) by_source = klynge_landscape_funding_totals (landscape, KLYNGE_FUNDING_BY_SOURCE, NULL);
  g_autoptr(GPtrArray) fine =
    klynge_landscape_funding_totals (landscape, KLYNGE_FUNDING_BY_SOURCE | KLYNGE_FUNDING_BY_HOLDER |
                                     KLYNGE_FUNDING_BY_YEAR, NULL);

  for (guint s = 0; s < by_source->len; s++)
    {
      const char *source = klynge_funding_total_get_source (row (by_source, s));
      gint64 sum = 0;

      for (guint i = 0; i < fine->len; i++)
        if (g_strcmp0 (klynge_funding_total_get_source (row (fine, i)), source) == 0)
          {
            KlyngePeriod year = { { klynge_funding_total_get_year (row (fine, i)) },
                                  { klynge_funding_total_get_year (row (fine, i)) } };

            sum += klynge_funding_total_get_amount (row (fine, i));
            /* each row is what funding_paid says for that year */
            ck_assert_int_eq (klynge_funding_total_get_amount (row (fine, i)),
                              klynge_landscape_funding_paid (landscape, source,
                                                             klynge_funding_total_get_holder (row (fine, i)),
                                                             &year));
          }
      ck_assert_int_eq (sum, klynge_funding_total_get_amount (row (by_source, s)));
      ck_assert_int_eq (sum, klynge_landscape_funding_paid (landscape, source, NULL, NULL));
    }
}
END_TEST

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return x < y ? -1 : x > y;
}

/* The amounts of the pieces that @cuts (sorted day numbers, each the
 * first day of a piece) split first..last into, computed in a random
 * order. */
static GArray *
split_amounts (KlyngeLandscape *landscape,
               const char      *source,
               GArray          *cuts,
               guint32          first,
               guint32          last,
               GRand           *rand)
{
  guint n = cuts->len + 1;
  GArray *amounts = g_array_sized_new (FALSE, TRUE, sizeof (gint64), n);
  g_autofree guint *order = g_new (guint, n);

  g_array_set_size (amounts, n);
  for (guint i = 0; i < n; i++)
    order[i] = i;
  for (guint i = 0; i + 1 < n; i++)
    {
      guint j = g_rand_int_range (rand, i, n);
      guint t = order[i];

      order[i] = order[j];
      order[j] = t;
    }

  for (guint i = 0; i < n; i++)
    {
      guint k = order[i];
      guint32 a = k == 0 ? first : g_array_index (cuts, guint32, k - 1);
      guint32 b = k == cuts->len ? last : g_array_index (cuts, guint32, k) - 1;
      KlyngePeriod piece;

      klynge_period_init_days (&piece, a, b);
      g_array_index (amounts, gint64, k) = klynge_landscape_funding_paid (landscape, source, NULL, &piece);
    }
  return amounts;
}

/* Cuts 2000-01-01..2050-12-31 at random days into pieces: the pieces sum
 * to the whole and none is negative; computing them in any order gives
 * the same amounts; and each piece of a coarser split (a random subset of
 * the cuts) is the sum of the finer pieces it holds. */
START_TEST (test_property_random_splits_sum_to_the_whole_in_any_order)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (3000 + _i);
  g_autoptr(KlyngeLandscape) landscape = new_random_landscape (rand);
  KlyngeDate first_date = date ("2000-01-01"), last_date = date ("2050-12-31");
  guint32 first = klynge_date_get_first_day (&first_date);
  guint32 last = klynge_date_get_last_day (&last_date);
  g_autoptr(GArray) cuts = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) coarse_cuts = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint n_cuts = g_rand_int_range (rand, 1, 60);

  for (guint i = 0; i < n_cuts; i++)
    {
      guint32 cut = first + g_rand_int_range (rand, 1, last - first + 1);

      g_array_append_val (cuts, cut);
    }
  g_array_sort (cuts, compare_days);
  for (guint i = cuts->len; i > 1; i--)   /* no empty pieces */
    if (g_array_index (cuts, guint32, i - 1) == g_array_index (cuts, guint32, i - 2))
      g_array_remove_index (cuts, i - 1);
  for (guint i = 0; i < cuts->len; i++)
    if (g_rand_boolean (rand))
      g_array_append_val (coarse_cuts, g_array_index (cuts, guint32, i));

  for (guint s = 0; s <= G_N_ELEMENTS (random_sources); s++)
    {
      const char *source = s < G_N_ELEMENTS (random_sources) ? random_sources[s] : NULL;
      gint64 whole = klynge_landscape_funding_paid (landscape, source, NULL, NULL);
      g_autoptr(GArray) once = split_amounts (landscape, source, cuts, first, last, rand);
      g_autoptr(GArray) again = split_amounts (landscape, source, cuts, first, last, rand);
      g_autoptr(GArray) coarse = split_amounts (landscape, source, coarse_cuts, first, last, rand);
      gint64 sum = 0;
      guint c = 0;
      gint64 in_coarse = 0;

      for (guint k = 0; k < once->len; k++)
        {
          gint64 part = g_array_index (once, gint64, k);

          ck_assert_int_ge (part, 0);
          ck_assert_int_eq (part, g_array_index (again, gint64, k));
          sum += part;

          /* piece k ends where the next fine cut starts; close the coarse
           * piece when that cut is also a coarse one (or at the end) */
          in_coarse += part;
          if (k == cuts->len ||
              (c < coarse_cuts->len &&
               g_array_index (coarse_cuts, guint32, c) == g_array_index (cuts, guint32, k)))
            {
              ck_assert_int_eq (in_coarse, g_array_index (coarse, gint64, c));
              in_coarse = 0;
              c++;
            }
        }
      ck_assert_uint_eq (c, coarse->len);
      ck_assert_int_eq (sum, whole);
      if (source == NULL)
        ck_assert_int_eq (whole, contract_amounts (landscape));
    }
}
END_TEST

/* The order of a contract's shares decides only which share an
 * otherwise tied leftover øre goes to: the totals per year and per
 * holder, and each source's total when the percents differ, are the same
 * with the shares reversed. */
START_TEST (test_property_reversing_the_shares_keeps_the_totals)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4000 + _i);
  g_autoptr(KlyngeLandscape) landscape = new_random_landscape (rand);
  g_autoptr(KlyngeLandscape) reversed = new_base_landscape ();
  g_autoptr(GPtrArray) contracts = klynge_landscape_list (landscape, KLYNGE_TYPE_CONTRACT);
  KlyngeFundingGrouping groupings[] = {
    0, KLYNGE_FUNDING_BY_YEAR, KLYNGE_FUNDING_BY_HOLDER | KLYNGE_FUNDING_BY_YEAR, KLYNGE_FUNDING_BY_KIND,
  };

  for (guint i = 0; i < contracts->len; i++)
    {
      KlyngeContract *contract = g_ptr_array_index (contracts, i);
      g_autoptr(KlyngeContract) copy =
        klynge_contract_new (klynge_record_get_id (g_ptr_array_index (contracts, i)),
                             klynge_contract_get_holder (contract),
                             klynge_contract_get_period (contract),
                             klynge_contract_get_amount (contract));
      GPtrArray *shares = klynge_contract_get_shares (contract);

      for (guint s = shares->len; s > 0; s--)
        ck_assert (klynge_contract_add_share (copy, g_ptr_array_index (shares, s - 1), NULL));
      ck_assert (klynge_landscape_add (reversed, KLYNGE_RECORD (copy), NULL));
    }

  for (guint g = 0; g < G_N_ELEMENTS (groupings); g++)
    {
      g_autoptr(GPtrArray) a = klynge_landscape_funding_totals (landscape, groupings[g], NULL);
      g_autoptr(GPtrArray) b = klynge_landscape_funding_totals (reversed, groupings[g], NULL);

      ck_assert_uint_eq (a->len, b->len);
      for (guint r = 0; r < a->len; r++)
        {
          ck_assert_uint_eq (klynge_funding_total_get_year (row (a, r)), klynge_funding_total_get_year (row (b, r)));
          ck_assert_int_eq (klynge_funding_total_get_amount (row (a, r)), klynge_funding_total_get_amount (row (b, r)));
        }
    }
}
END_TEST

/* Up to 6 random designations of the random holders over 1 or 2
 * programmes, with random roles, full or partial starts and ends, some
 * open, between 2000 and 2040. */
static void
add_random_designations (KlyngeLandscape *landscape,
                         GRand           *rand)
{
  static const char * const roles[] = { "national-cluster", "innovation-network", "support-body", "other" };
  g_autoptr(GString) spec = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 1, 7);

  for (guint i = 0; i < n; i++)
    {
      guint year = g_rand_int_range (rand, 2000, 2036);
      guint span = g_rand_int_range (rand, 0, 6);
      guint month = g_rand_int_range (rand, 1, 13);

      g_string_append_printf (spec, "%sp%d %s %s ", i ? "; " : "", g_rand_int_range (rand, 1, 3),
                              random_holders[g_rand_int_range (rand, 0, 3)], roles[g_rand_int_range (rand, 0, 4)]);
      switch (g_rand_int_range (rand, 0, 3))
        {
        case 0:
          g_string_append_printf (spec, "%u-%02u-%02u ", year, month, g_rand_int_range (rand, 1, 29));
          break;
        case 1:
          g_string_append_printf (spec, "%u-%02u ", year, month);
          break;
        default:
          g_string_append_printf (spec, "%u ", year);
          break;
        }
      if (g_rand_boolean (rand))
        g_string_append (spec, "-");
      else
        g_string_append_printf (spec, "%u-%02u", year + span + 1, month);
    }
  add_designations (landscape, spec->str);
}

START_TEST (test_property_grouping_by_designation_keeps_every_sum_exact)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (3000 + _i);
  g_autoptr(KlyngeLandscape) landscape = new_random_landscape (rand);
  gint64 amounts = contract_amounts (landscape);
  KlyngeFundingGrouping fine = KLYNGE_FUNDING_BY_SOURCE | KLYNGE_FUNDING_BY_HOLDER | KLYNGE_FUNDING_BY_YEAR;
  g_autoptr(GPtrArray) coarse = klynge_landscape_funding_totals (landscape, fine, NULL);
  g_autoptr(GPtrArray) split = NULL;

  add_random_designations (landscape, rand);
  for (guint grouping = 0; grouping < 16; grouping++)
    {
      g_autoptr(GPtrArray) rows =
        klynge_landscape_funding_totals (landscape, grouping | KLYNGE_FUNDING_BY_DESIGNATION, NULL);

      for (guint i = 0; i < rows->len; i++)
        ck_assert_int_ge (klynge_funding_total_get_amount (row (rows, i)), 0);
      ck_assert_int_eq (sum_rows (rows), amounts);
    }

  /* each (year, source, holder) row is the sum of its designation rows */
  split = klynge_landscape_funding_totals (landscape, fine | KLYNGE_FUNDING_BY_DESIGNATION, NULL);
  for (guint c = 0; c < coarse->len; c++)
    {
      const KlyngeFundingTotal *whole = row (coarse, c);
      gint64 sum = 0;

      for (guint i = 0; i < split->len; i++)
        if (klynge_funding_total_get_year (row (split, i)) == klynge_funding_total_get_year (whole) &&
            g_strcmp0 (klynge_funding_total_get_source (row (split, i)), klynge_funding_total_get_source (whole)) == 0 &&
            g_strcmp0 (klynge_funding_total_get_holder (row (split, i)), klynge_funding_total_get_holder (whole)) == 0)
          sum += klynge_funding_total_get_amount (row (split, i));
      ck_assert_int_eq (sum, klynge_funding_total_get_amount (whole));
    }
}
END_TEST

static Suite *
funding_suite (void)
{
  Suite *suite = suite_create ("funding");
  TCase *tc;

  tc = tcase_create ("ced");
  tcase_add_test (tc, test_ced_contract_gives_each_agency_4000000_kroner);
  tcase_add_test (tc, test_ced_agency_share_splits_over_2019_2020_2021_into_exact_ore_summing_to_it);
  tcase_add_test (tc, test_ced_totals_by_source_and_year_are_sorted_by_year_then_landscape_order);
  tcase_add_test (tc, test_ced_extension_to_2022_forms_a_chain_without_a_gap);
  tcase_add_test (tc, test_ced_contract_agencies_pay_equal_shares);
  tcase_add_test (tc, test_default_landscape_ced_contracts_pay_as_the_issue_states);
  tcase_add_test (tc, test_default_landscape_totals_of_every_grouping_sum_to_the_contract_amounts);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("totals");
  tcase_add_test (tc, test_totals_without_grouping_give_one_grand_total_row);
  tcase_add_test (tc, test_totals_by_holder_and_kind_follow_landscape_and_enum_order);
  tcase_add_test (tc, test_totals_by_all_four_keys_fill_every_key);
  tcase_add_test (tc, test_totals_keep_a_row_for_a_zero_percent_share);
  tcase_add_test (tc, test_totals_within_a_period_clip_each_contract_to_it);
  tcase_add_test (tc, test_totals_within_an_open_ended_period_count_to_the_data_edge);
  tcase_add_test (tc, test_totals_for_a_sub_period_agree_with_any_split_containing_it);
  tcase_add_test (tc, test_totals_with_an_unknown_grouping_flag_are_a_programmer_error);
  tcase_add_test (tc, test_totals_of_the_largest_amount_do_not_overflow);
  tcase_add_loop_test (tc, test_totals_that_exceed_the_largest_amount_are_refused, 0, G_N_ELEMENTS (largest_sums));
  tcase_add_loop_test (tc, test_paid_above_the_largest_amount_is_refused, 0, G_N_ELEMENTS (largest_paid));
  tcase_add_test (tc, test_funding_total_is_a_refcounted_boxed_type);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("unknown-amounts");
  tcase_add_loop_test (tc, test_totals_count_a_grant_of_unknown_amount_instead_of_adding_zero,
                       0, G_N_ELEMENTS (unknown_cases));
  tcase_add_test (tc, test_paid_leaves_out_a_grant_of_unknown_amount_and_says_how_many);
  tcase_add_test (tc, test_a_contract_of_unknown_amount_without_a_note_is_refused);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("designations");
  tcase_add_loop_test (tc, test_totals_by_designation_split_the_days_at_the_holders_designations,
                       0, G_N_ELEMENTS (designation_cases));
  tcase_add_test (tc, test_totals_by_designation_count_a_grant_of_unknown_amount_once_per_row);
  tcase_add_test (tc, test_funding_grouping_by_designation_is_registered_as_designation);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("chains");
  tcase_add_test (tc, test_contracts_active_on_a_date_are_those_whose_period_contains_it);
  tcase_add_test (tc, test_contract_chain_follows_renewals_both_ways_in_time_order);
  tcase_add_test (tc, test_contract_chain_of_what_is_not_a_contract_is_empty);
  tcase_add_test (tc, test_contract_chain_that_loops_is_followed_once_round);
  tcase_add_loop_test (tc, test_contract_chain_check_reports_gaps_and_overlaps_with_ids_and_dates,
                       0, G_N_ELEMENTS (chain_cases));
  tcase_add_test (tc, test_contract_chain_check_without_a_holder_checks_every_holder_in_order);
  tcase_add_test (tc, test_contract_chain_check_gives_the_line_of_a_loaded_contract);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("mergers");
  tcase_add_test (tc, test_after_a_merger_the_successor_holds_the_contracts_active_on_its_date);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("equal-shares");
  suite_add_tcase (suite, tc);

  tc = tcase_create ("properties");
  tcase_add_loop_test (tc, test_property_every_grouping_sums_to_the_contract_amounts_with_no_negative_row, 0, 50);
  tcase_add_loop_test (tc, test_property_rows_of_a_finer_grouping_sum_to_the_rows_of_a_coarser_one, 0, 30);
  tcase_add_loop_test (tc, test_property_random_splits_sum_to_the_whole_in_any_order, 0, 50);
  tcase_add_loop_test (tc, test_property_reversing_the_shares_keeps_the_totals, 0, 30);
  tcase_add_loop_test (tc, test_property_grouping_by_designation_keeps_every_sum_exact, 0, 50);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  return klynge_test_run (funding_suite ());
}
