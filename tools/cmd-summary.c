/* cmd-summary.c: klynge summary: the landscape on a date
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "klynge-tool.h"

static const char description[] =
  "Summarises the landscape on a date: the organisations active that day by\n"
  "kind, with those whose status that day is not known counted apart (“14\n"
  "active, 2 not known”: a partial founding or dissolution date is a span in\n"
  "which the day may fall, and one with no founding date is not known to be\n"
  "active before the first date the landscape states for it); when the\n"
  "landscape records programmes, the organisations by what they were that day\n"
  "(the designated national clusters with their area and programme, the other\n"
  "clusters, the innovation networks of a running programme and those with\n"
  "none); the consolidation timeline (completed mergers, absorptions,\n"
  "transfers and renames per year with their successors, counted by kind:\n"
  "a transfer or a rename is not a merger); funding by source and calendar\n"
  "year (plus the number of grants of unknown amount, which add nothing); the\n"
  "coverage of the programmes' envelopes by the contracts that name them\n"
  "(recorded ÷ envelope per source and year); and the support body's contract\n"
  "status that day. Amounts are DKK with two decimals and “,” between\n"
  "thousands, whatever the locale.\n"
  "\n"
  "Without --as-of the date is today, moved into the span of the dates in the\n"
  "data (organisations, contracts, programmes, mergers, initiatives) when it\n"
  "lies outside.\n"
  "\n"
  "Examples:\n"
  "  klynge summary\n"
  "  klynge summary --as-of 2021-06-30\n"
  "  klynge summary --landscape my-landscape.xml --as-of 2020";

/* --- formatting ------------------------------------------------------------ */

/* printf's %-*s counts bytes; names are UTF-8 */
static void
print_padded (const char *text,
              int         width)
{
  int pad = width - (int) g_utf8_strlen (text, -1);

  g_print ("%s%*s", text, MAX (pad, 0), "");
}

static char *
date_text (const KlyngeDate *date)
{
  return date != NULL && klynge_date_is_set (date) ? klynge_date_to_string (date) : g_strdup ("?");
}

static const char *
organisation_name (KlyngeLandscape *landscape,
                   const char      *id)
{
  KlyngeRecord *record = id != NULL ? klynge_landscape_lookup (landscape, id) : NULL;

  return KLYNGE_IS_ORGANISATION (record) ? klynge_organisation_get_name (KLYNGE_ORGANISATION (record)) : id;
}

/* --- sections --------------------------------------------------------------- */

static int
compare_by_name (gconstpointer a,
                 gconstpointer b)
{
  KlyngeOrganisation *x = *(KlyngeOrganisation * const *) a;
  KlyngeOrganisation *y = *(KlyngeOrganisation * const *) b;
  g_autofree char *fx = g_utf8_casefold (klynge_organisation_get_name (x), -1);
  g_autofree char *fy = g_utf8_casefold (klynge_organisation_get_name (y), -1);
  int c = strcmp (fx, fy);

  return c != 0 ? c : strcmp (klynge_record_get_id (KLYNGE_RECORD (x)), klynge_record_get_id (KLYNGE_RECORD (y)));
}

static void
print_names (const char *title,
             GPtrArray  *organisations)
{
  int id_width = 0;

  if (organisations->len == 0)
    return;
  g_ptr_array_sort (organisations, compare_by_name);
  for (guint i = 0; i < organisations->len; i++)
    id_width = MAX (id_width, (int) strlen (klynge_record_get_id (g_ptr_array_index (organisations, i))));
  g_print ("\n  %s (%u):\n", title, organisations->len);
  for (guint i = 0; i < organisations->len; i++)
    {
      KlyngeOrganisation *organisation = g_ptr_array_index (organisations, i);
      g_print ("    %-*s  %s\n", id_width, klynge_record_get_id (KLYNGE_RECORD (organisation)),
               klynge_organisation_get_name (organisation));
    }
}

/* "12" or, when some of the kind may or may not have been active,
 * "12 active, 2 not known": never a bare count that drops or includes them */
static void
print_count (const char *label,
             guint       active,
             guint       not_known)
{
  if (not_known == 0)
    g_print ("  %-20s %4u\n", label, active);
  else
    g_print ("  %-20s %4u active, %u not known\n", label, active, not_known);
}

/* The first designation in @designations (all active on the date) of
 * @organisation in @role, or NULL */
static KlyngeDesignation *
find_designation (GPtrArray             *designations,
                  KlyngeOrganisation    *organisation,
                  KlyngeDesignationRole  role)
{
  const char *id = klynge_record_get_id (KLYNGE_RECORD (organisation));

  for (guint i = 0; i < designations->len; i++)
    {
      KlyngeDesignation *designation = g_ptr_array_index (designations, i);

      if (klynge_designation_get_role (designation) == role
          && strcmp (klynge_designation_get_organisation (designation), id) == 0)
        return designation;
    }
  return NULL;
}

/* Organisations designated on the date, each with the area and programme
 * of its designation, in the programme's order. */
static void
print_designated (const char *title,
                  GPtrArray  *designations,
                  GPtrArray  *organisations)
{
  int id_width = 0, name_width = 0, area_width = 0;

  if (designations->len == 0)
    return;
  for (guint i = 0; i < designations->len; i++)
    {
      KlyngeDesignation *designation = g_ptr_array_index (designations, i);
      const char *area = klynge_designation_get_area (designation);

      id_width = MAX (id_width, (int) strlen (klynge_designation_get_organisation (designation)));
      name_width = MAX (name_width,
                        (int) g_utf8_strlen (klynge_organisation_get_name (g_ptr_array_index (organisations, i)), -1));
      area_width = MAX (area_width, (int) g_utf8_strlen (area != NULL ? area : "", -1));
    }
  g_print ("\n  %s (%u):\n", title, designations->len);
  for (guint i = 0; i < designations->len; i++)
    {
      KlyngeDesignation *designation = g_ptr_array_index (designations, i);
      const char *area = klynge_designation_get_area (designation);

      g_print ("    %-*s  ", id_width, klynge_designation_get_organisation (designation));
      print_padded (klynge_organisation_get_name (g_ptr_array_index (organisations, i)), name_width);
      g_print ("  ");
      print_padded (area != NULL ? area : "", area_width);
      g_print ("  %s\n", klynge_designation_get_programme (designation));
    }
}

static void
section_organisations (KlyngeLandscape  *landscape,
                       const KlyngeDate *date,
                       const char       *when)
{
  g_autoptr(KlyngeFilter) filter = klynge_filter_new ();
  g_autoptr(KlyngeDesignationFilter) on_date = klynge_designation_filter_new ();
  g_autoptr(GPtrArray) designations = NULL;
  g_autoptr(GPtrArray) programmes = klynge_landscape_get_programmes (landscape);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) national = g_ptr_array_new ();
  g_autoptr(GPtrArray) national_organisations = g_ptr_array_new ();
  g_autoptr(GPtrArray) running = g_ptr_array_new ();
  g_autoptr(GPtrArray) running_organisations = g_ptr_array_new ();
  g_autoptr(GPtrArray) clusters = g_ptr_array_new ();
  g_autoptr(GPtrArray) networks = g_ptr_array_new ();
  g_autoptr(GPtrArray) unknown_clusters = g_ptr_array_new ();
  g_autoptr(GHashTable) designated = g_hash_table_new (NULL, NULL);   /* membership only */
  GEnumClass *klass = g_type_class_ref (KLYNGE_TYPE_ORGANISATION_KIND);
  guint counts[16] = { 0 }, unknown[16] = { 0 };
  guint n_active = 0, n_unknown = 0;
  /* without programmes the landscape says nothing of designations, so
   * clusters and networks are not split by them */
  gboolean by_designation = programmes->len > 0;

  klynge_designation_filter_set_active_on (on_date, date);
  designations = klynge_landscape_designations (landscape, on_date);
  klynge_filter_set_active_on (filter, date);
  klynge_filter_set_include_not_known (filter, TRUE);
  listed = klynge_landscape_list_organisations (landscape, filter);
  for (guint i = 0; i < listed->len; i++)
    {
      KlyngeOrganisation *organisation = g_ptr_array_index (listed, i);
      KlyngeOrganisationKind kind = klynge_organisation_get_kind (organisation);
      gboolean known = klynge_landscape_get_status (landscape, klynge_record_get_id (KLYNGE_RECORD (organisation)),
                                                    date, NULL) == KLYNGE_ORGANISATION_STATUS_ACTIVE;

      if ((guint) kind < G_N_ELEMENTS (counts))
        (known ? counts : unknown)[kind]++;
      if (!known)
        {
          n_unknown++;
          if (kind == KLYNGE_ORGANISATION_KIND_CLUSTER)
            g_ptr_array_add (unknown_clusters, organisation);
          continue;
        }
      n_active++;
      if (find_designation (designations, organisation, KLYNGE_DESIGNATION_ROLE_NATIONAL_CLUSTER) != NULL
          || find_designation (designations, organisation, KLYNGE_DESIGNATION_ROLE_INNOVATION_NETWORK) != NULL)
        g_hash_table_add (designated, organisation);
      else if (kind == KLYNGE_ORGANISATION_KIND_CLUSTER)
        g_ptr_array_add (clusters, organisation);
      else if (kind == KLYNGE_ORGANISATION_KIND_INNOVATION_NETWORK)
        g_ptr_array_add (networks, organisation);
    }

  /* the designated in the programmes' order, each organisation once, as
   * the national cluster it was or else the network */
  for (guint i = 0; i < designations->len; i++)
    {
      KlyngeDesignation *designation = g_ptr_array_index (designations, i);
      KlyngeRecord *record = klynge_landscape_lookup (landscape, klynge_designation_get_organisation (designation));
      KlyngeOrganisation *organisation = KLYNGE_IS_ORGANISATION (record) ? KLYNGE_ORGANISATION (record) : NULL;

      if (organisation == NULL || !g_hash_table_contains (designated, organisation)
          || find_designation (designations, organisation, klynge_designation_get_role (designation)) != designation)
        continue;
      if (klynge_designation_get_role (designation) == KLYNGE_DESIGNATION_ROLE_NATIONAL_CLUSTER)
        {
          g_ptr_array_add (national, designation);
          g_ptr_array_add (national_organisations, organisation);
        }
      else if (klynge_designation_get_role (designation) == KLYNGE_DESIGNATION_ROLE_INNOVATION_NETWORK
               && find_designation (designations, organisation, KLYNGE_DESIGNATION_ROLE_NATIONAL_CLUSTER) == NULL)
        {
          g_ptr_array_add (running, designation);
          g_ptr_array_add (running_organisations, organisation);
        }
    }

  g_print ("Organisations active on %s\n", when);
  for (guint i = 0; i < klass->n_values; i++)
    {
      guint value = klass->values[i].value;

      print_count (klass->values[i].value_nick, value < G_N_ELEMENTS (counts) ? counts[value] : 0,
                   value < G_N_ELEMENTS (unknown) ? unknown[value] : 0);
    }
  print_count ("total", n_active, n_unknown);
  if (by_designation)
    {
      print_designated ("designated national clusters, with area and programme", national, national_organisations);
      if (national->len == 0)
        g_print ("\n  designated national clusters: none on %s\n", when);
      print_names ("other clusters", clusters);
      print_designated ("innovation networks of a running programme", running, running_organisations);
      print_names ("innovation networks with no running programme", networks);
    }
  else
    {
      print_names ("clusters", clusters);
      print_names ("innovation networks", networks);
    }
  print_names ("clusters not known to be active", unknown_clusters);
  g_type_class_unref (klass);
}

typedef struct {
  KlyngeMerger *merger;
  guint index;
} MergerRef;

static int
compare_mergers (gconstpointer a,
                 gconstpointer b)
{
  const MergerRef *x = a;
  const MergerRef *y = b;
  guint32 dx = klynge_date_get_first_day (klynge_merger_get_effective (x->merger));
  guint32 dy = klynge_date_get_first_day (klynge_merger_get_effective (y->merger));

  if (dx != dy)
    return dx < dy ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

static guint
count_strv (const char * const *strv)
{
  guint n = 0;

  while (strv != NULL && strv[n] != NULL)
    n++;
  return n;
}

static void
section_mergers (KlyngeLandscape  *landscape,
                 const KlyngeDate *date,
                 const char       *when)
{
  g_autoptr(GPtrArray) mergers = klynge_landscape_list (landscape, KLYNGE_TYPE_MERGER);
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (MergerRef));
  guint32 day = klynge_date_get_first_day (date);
  guint n_done = 0, n_predecessors = 0, n_other = 0, n_transfers = 0, n_renames = 0;
  guint last_year = 0;
  int name_width = 0;

  for (guint i = 0; i < mergers->len; i++)
    {
      MergerRef ref = { g_ptr_array_index (mergers, i), i };
      const char *name = organisation_name (landscape, klynge_merger_get_successor (ref.merger));

      g_array_append_val (sorted, ref);
      name_width = MAX (name_width, (int) g_utf8_strlen (name != NULL ? name : "?", -1));
    }
  g_array_sort (sorted, compare_mergers);

  g_print ("\nConsolidation: events completed by %s\n", when);
  for (guint i = 0; i < sorted->len; i++)
    {
      KlyngeMerger *merger = g_array_index (sorted, MergerRef, i).merger;
      const KlyngeDate *effective = klynge_merger_get_effective (merger);
      const char *name = organisation_name (landscape, klynge_merger_get_successor (merger));
      guint n = count_strv (klynge_merger_get_predecessors (merger));
      g_autofree char *effective_text = date_text (effective);

      if (klynge_merger_get_status (merger) != KLYNGE_MERGER_STATUS_COMPLETED
          || klynge_date_get_first_day (effective) > day)
        {
          n_other++;
          continue;
        }
      if (effective->year != last_year)
        g_print ("  %u  ", effective->year);
      else
        g_print ("        ");
      last_year = effective->year;
      print_padded (name != NULL ? name : "?", name_width);
      g_print ("  %2u predecessor%s  %-10s  %s\n", n, n == 1 ? " " : "s", effective_text,
               klynge_enum_to_nick (KLYNGE_TYPE_MERGER_KIND, klynge_merger_get_kind (merger)));
      /* only mergers and absorptions consolidate bodies */
      if (klynge_merger_kind_consolidates (klynge_merger_get_kind (merger)))
        {
          n_done++;
          n_predecessors += n;
        }
      else if (klynge_merger_get_kind (merger) == KLYNGE_MERGER_KIND_TRANSFER)
        n_transfers++;
      else
        n_renames++;
    }
  if (n_done + n_transfers + n_renames == 0)
    g_print ("  none\n");
  else
    g_print ("  mergers and absorptions: %u, of %u predecessor organisations; transfers: %u; renames: %u\n",
             n_done, n_predecessors, n_transfers, n_renames);

  if (n_other == 0)
    return;
  g_print ("\n  Later or not completed:\n");
  for (guint i = 0; i < sorted->len; i++)
    {
      KlyngeMerger *merger = g_array_index (sorted, MergerRef, i).merger;
      const KlyngeDate *effective = klynge_merger_get_effective (merger);
      g_autofree char *effective_text = NULL;

      if (klynge_merger_get_status (merger) == KLYNGE_MERGER_STATUS_COMPLETED
          && klynge_date_get_first_day (effective) <= day)
        continue;
      effective_text = date_text (effective);
      g_print ("    %-10s  %s → %s (%s)\n", effective_text, klynge_record_get_id (KLYNGE_RECORD (merger)),
               organisation_name (landscape, klynge_merger_get_successor (merger)),
               klynge_enum_to_nick (KLYNGE_TYPE_MERGER_STATUS, klynge_merger_get_status (merger)));
    }
}

static void
section_funding (KlyngeLandscape *landscape)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) grand = klynge_landscape_funding_totals_checked (landscape, 0, NULL, &error);
  g_autoptr(GPtrArray) totals = NULL;
  g_autoptr(GPtrArray) sources = klynge_landscape_list (landscape, KLYNGE_TYPE_FUNDING_SOURCE);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  int amount_width = (int) strlen ("amount");
  int id_width = (int) strlen ("source");
  gint64 grand_total = 0;

  /* amounts are not negative: when the grand total fits, so do the rows,
   * the subtotals and the sums below */
  if (grand == NULL)
    {
      g_print ("\nFunding by source and calendar year (DKK, contracts pro-rated by day)\n"
               "  not shown: %s\n", error->message);
      return;
    }
  totals = klynge_landscape_funding_totals (landscape, KLYNGE_FUNDING_BY_SOURCE | KLYNGE_FUNDING_BY_YEAR, NULL);

  /* sources in landscape order, then any that name no funding source */
  for (guint i = 0; i < sources->len; i++)
    g_ptr_array_add (ids, (gpointer) klynge_record_get_id (g_ptr_array_index (sources, i)));
  for (guint i = 0; i < totals->len; i++)
    {
      const char *source = klynge_funding_total_get_source (g_ptr_array_index (totals, i));
      if (source != NULL && !g_ptr_array_find_with_equal_func (ids, source, g_str_equal, NULL))
        g_ptr_array_add (ids, (gpointer) source);
    }
  for (guint i = 0; i < totals->len; i++)
    {
      g_autofree char *text = klynge_money_to_grouped_string (klynge_funding_total_get_amount (g_ptr_array_index (totals, i)));
      grand_total += klynge_funding_total_get_amount (g_ptr_array_index (totals, i));
      amount_width = MAX (amount_width, (int) strlen (text));
    }
  {
    g_autofree char *text = klynge_money_to_grouped_string (grand_total);
    amount_width = MAX (amount_width, (int) strlen (text));
  }
  for (guint i = 0; i < ids->len; i++)
    id_width = MAX (id_width, (int) strlen (g_ptr_array_index (ids, i)));

  g_print ("\nFunding by source and calendar year (DKK, contracts pro-rated by day)\n");
  if (totals->len == 0)
    {
      g_print ("  no contracts\n");
      return;
    }
  g_print ("  %-*s  year  %*s\n", id_width, "source", amount_width, "amount");
  for (guint s = 0; s < ids->len; s++)
    {
      const char *id = g_ptr_array_index (ids, s);
      KlyngeRecord *record = klynge_landscape_lookup (landscape, id);
      gint64 subtotal = 0;
      guint rows = 0;

      for (guint i = 0; i < totals->len; i++)
        {
          KlyngeFundingTotal *total = g_ptr_array_index (totals, i);
          g_autofree char *text = NULL;
          g_autofree char *unknown = NULL;

          if (g_strcmp0 (klynge_funding_total_get_source (total), id) != 0)
            continue;
          text = klynge_money_to_grouped_string (klynge_funding_total_get_amount (total));
          unknown = tool_unknown_grants_text (klynge_funding_total_get_n_unknown (total));
          g_print ("  %-*s  %4u  %*s%s\n", id_width, rows == 0 ? id : "", klynge_funding_total_get_year (total),
                   amount_width, text, unknown);
          subtotal += klynge_funding_total_get_amount (total);
          rows++;
        }
      if (rows > 0)
        {
          g_autofree char *text = klynge_money_to_grouped_string (subtotal);
          g_autofree char *unknown =
            tool_unknown_grants_text (klynge_landscape_funding_count_unknown (landscape, id, NULL, NULL));

          g_print ("  %-*s  %-4s  %*s%s  %s\n", id_width, "", "all", amount_width, text, unknown,
                   KLYNGE_IS_FUNDING_SOURCE (record)
                   ? klynge_funding_source_get_name (KLYNGE_FUNDING_SOURCE (record)) : "");
        }
    }
  {
    g_autofree char *text = klynge_money_to_grouped_string (grand_total);
    g_autofree char *unknown = tool_unknown_grants_text (klynge_funding_total_get_n_unknown (g_ptr_array_index (grand, 0)));

    g_print ("  %-*s  %-4s  %*s%s\n", id_width, "total", "", amount_width, text, unknown);
  }
}

static void
print_contract (KlyngeContract *contract,
                const char     *indent)
{
  g_autofree char *period = klynge_period_to_string (klynge_contract_get_period (contract));
  g_autofree char *money = klynge_contract_has_amount (contract)
                           ? klynge_money_to_grouped_string (klynge_contract_get_amount (contract)) : NULL;
  g_autofree char *amount = money != NULL ? g_strconcat (money, " DKK", NULL) : g_strdup ("amount not known");
  GPtrArray *shares = klynge_contract_get_shares (contract);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < shares->len; i++)
    {
      KlyngeShare *share = g_ptr_array_index (shares, i);
      g_autofree char *percent = klynge_percent_to_string (klynge_share_get_basis_points (share), 2);

      g_string_append_printf (text, "%s%s %s %%", i > 0 ? ", " : "", klynge_share_get_source (share), percent);
    }
  g_print ("%s%s  %s  %s  (%s)\n", indent, klynge_record_get_id (KLYNGE_RECORD (contract)),
           period, amount, text->str);
}

static void
section_support_body (KlyngeLandscape  *landscape,
                      const KlyngeDate *date,
                      const char       *when)
{
  g_autoptr(KlyngeFilter) filter = klynge_filter_new ();
  g_autoptr(GPtrArray) bodies = NULL;
  g_autoptr(GPtrArray) contracts = klynge_landscape_list (landscape, KLYNGE_TYPE_CONTRACT);
  guint32 day = klynge_date_get_first_day (date);

  klynge_filter_set_kind (filter, KLYNGE_ORGANISATION_KIND_SUPPORT_BODY);
  bodies = klynge_landscape_list_organisations (landscape, filter);

  g_print ("\nSupport body contracts on %s\n", when);
  if (bodies->len == 0)
    g_print ("  no support body in the landscape\n");
  for (guint b = 0; b < bodies->len; b++)
    {
      KlyngeOrganisation *body = g_ptr_array_index (bodies, b);
      const char *id = klynge_record_get_id (KLYNGE_RECORD (body));
      KlyngeContract *last_ended = NULL;
      KlyngeContract *next = NULL;
      guint n_active = 0;

      KlyngeOrganisationStatus status = klynge_landscape_get_status (landscape, id, date, NULL);

      g_print ("  %s (%s)%s\n", klynge_organisation_get_name (body), id,
               status == KLYNGE_ORGANISATION_STATUS_ACTIVE ? ""
               : status == KLYNGE_ORGANISATION_STATUS_NOT_KNOWN ? ", not known to be active on that date"
               : ", not active on that date");
      for (guint i = 0; i < contracts->len; i++)
        {
          KlyngeContract *contract = g_ptr_array_index (contracts, i);
          const KlyngePeriod *period = klynge_contract_get_period (contract);

          if (g_strcmp0 (klynge_contract_get_holder (contract), id) != 0)
            continue;
          if (klynge_period_contains_day (period, day))
            {
              print_contract (contract, "    active: ");
              n_active++;
            }
          else if (klynge_period_get_last_day (period) < day)
            {
              if (last_ended == NULL
                  || klynge_period_get_last_day (period)
                     > klynge_period_get_last_day (klynge_contract_get_period (last_ended)))
                last_ended = contract;
            }
          else if (next == NULL
                   || klynge_period_get_first_day (period)
                      < klynge_period_get_first_day (klynge_contract_get_period (next)))
            next = contract;
        }
      if (n_active == 0)
        {
          if (last_ended != NULL)
            {
              g_autofree char *end = klynge_date_to_string (&klynge_contract_get_period (last_ended)->end);
              g_print ("    no contract on %s; the last ended %s (%s)\n", when, end,
                       klynge_record_get_id (KLYNGE_RECORD (last_ended)));
            }
          else
            g_print ("    no contract on %s\n", when);
        }
      if (next != NULL)
        print_contract (next, "    next:   ");
    }
}

int
tool_summary (Tool  *tool,
              int    argc,
              char **argv)
{
  const ToolCommand *command = tool_find_command ("summary");
  g_autofree char *as_of = NULL;
  GOptionEntry entries[] = {
    { "as-of", 'd', 0, G_OPTION_ARG_STRING, &as_of,
      "Summarise the landscape on DATE (YYYY, YYYY-MM or YYYY-MM-DD; default today)", "DATE" },
    { NULL }
  };
  g_autoptr(KlyngeLandscape) landscape = NULL;
  g_autofree char *when = NULL;
  const char *note = "";
  KlyngeDate date, first, last;
  gboolean has_span;
  int status;

  if (!tool_parse_options (tool, command, description, entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return tool_usage_error (command, "unexpected argument “%s”", argv[1]);
  if (as_of != NULL && !tool_parse_date (command, "--as-of", as_of, &date))
    return TOOL_EXIT_USAGE;

  landscape = tool_load_landscape (tool);
  if (landscape == NULL)
    return TOOL_EXIT_DATA;

  has_span = klynge_landscape_get_date_span (landscape, &first, &last);
  if (as_of == NULL)
    {
      KlyngeDate today;

      klynge_date_init_today (&today);
      klynge_landscape_get_default_date (landscape, &date);
      note = klynge_date_equal (&date, &today) ? " (today)"
        : klynge_date_compare (&date, &today) < 0 ? " (the latest date in the data)"
        : " (the earliest date in the data)";
    }
  when = klynge_date_to_string (&date);

  g_print ("Cluster landscape (%s) as of %s%s\n", tool->landscape_path != NULL ? tool->landscape_path
           : "built-in Danish landscape", when, note);
  if (has_span)
    {
      g_autofree char *first_text = klynge_date_to_string (&first);
      g_autofree char *last_text = klynge_date_to_string (&last);

      g_print ("Dates in the data: %s to %s\n", first_text, last_text);
    }
  g_print ("\n");
  section_organisations (landscape, &date, when);
  section_mergers (landscape, &date, when);
  section_funding (landscape);
  {
    g_autoptr(GString) coverage = g_string_new (NULL);

    tool_append_coverage (coverage, landscape, 0, 0);
    g_print ("%s", coverage->str);
  }
  section_support_body (landscape, &date, when);
  return TOOL_EXIT_OK;
}
