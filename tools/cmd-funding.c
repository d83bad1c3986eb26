/* cmd-funding.c: klynge funding
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "klynge-tool.h"

static const char description[] =
  "Totals of what the funding sources pay, grouped by funding source, contract\n"
  "holder, calendar year, kind of holder organisation or the role the holder\n"
  "was designated in on the days paid for, in exact øre. Each\n"
  "source's share of a contract is pro-rated by days over the contract period,\n"
  "so the rows of any grouping sum to the contract amounts, and a period's\n"
  "totals agree with the matching rows of any longer period. A contract whose\n"
  "amount is not known adds nothing: the rows it has days in say “plus N\n"
  "grants of unknown amount” (in csv a last column grants_of_unknown_amount,\n"
  "there only when some contract's amount is not known). In text, when the\n"
  "landscape's programmes have envelopes, a table of their coverage follows:\n"
  "per source and year (within --from and --to), the envelope, the money of\n"
  "the contracts that name a programme and the ratio of the two, so the\n"
  "totals are not read as a funder's whole spending.\n"
  "\n"
  "  --by LIST       group by source, holder, year, kind and/or designation,\n"
  "                  separated by commas (the option may be repeated);\n"
  "                  “total” gives one grand total; the default is\n"
  "                  source,year. designation splits the days where the\n"
  "                  holder's designations begin and end: each row has the\n"
  "                  role (national-cluster, …) or none; on a day with two\n"
  "                  designations the first in the landscape decides\n"
  "  --from, --to    count only the days of this period; either alone leaves\n"
  "                  the other side open; a partial --to such as 2021 means\n"
  "                  its last day\n"
  "  --format        text (an aligned table with a total line; amounts in DKK\n"
  "                  as 8,000,000.00) or csv (RFC 4180 with a header row\n"
  "                  year,source,holder,kind,designation,amount holding only\n"
  "                  the grouped columns; amounts as 8000000.00)\n"
  "\n"
  "Examples:\n"
  "  klynge funding\n"
  "  klynge funding --by year --format csv\n"
  "  klynge funding --by holder,source --from 2021-01-01 --to 2021-12-31\n"
  "  klynge funding --by kind --from 2020 --landscape my.xml\n"
  "  klynge funding --by year,kind,designation";

typedef enum {
  FORMAT_TEXT,
  FORMAT_CSV,
} Format;

/* The columns in output order, which is also the rows' sort order. */
static const struct {
  KlyngeFundingGrouping flag;
  const char *name;      /* --by value and CSV header */
  const char *title;     /* text header */
} columns[] = {
  { KLYNGE_FUNDING_BY_YEAR, "year", "Year" },
  { KLYNGE_FUNDING_BY_SOURCE, "source", "Source" },
  { KLYNGE_FUNDING_BY_HOLDER, "holder", "Holder" },
  { KLYNGE_FUNDING_BY_KIND, "kind", "Kind" },
  { KLYNGE_FUNDING_BY_DESIGNATION, "designation", "Designation" },
};

static gboolean
parse_grouping (const ToolCommand      *command,
                char                  **values,
                KlyngeFundingGrouping  *grouping)
{
  gboolean total = FALSE;

  *grouping = 0;
  if (values == NULL)
    {
      *grouping = KLYNGE_FUNDING_BY_SOURCE | KLYNGE_FUNDING_BY_YEAR;
      return TRUE;
    }

  for (guint i = 0; values[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit (values[i], ",", -1);

      for (guint w = 0; words[w] != NULL; w++)
        {
          const char *word = g_strstrip (words[w]);
          gboolean found = FALSE;

          if (strcmp (word, "total") == 0)
            {
              total = TRUE;
              continue;
            }
          for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
            if (strcmp (word, columns[c].name) == 0)
              {
                *grouping |= columns[c].flag;
                found = TRUE;
              }
          if (!found)
            {
              tool_usage_error (command, "--by: “%s” is not source, holder, year, kind, designation or total", word);
              return FALSE;
            }
        }
    }

  if (total && *grouping != 0)
    {
      tool_usage_error (command, "--by: “total” cannot be combined with other groupings");
      return FALSE;
    }
  return TRUE;
}

/* The text of a row's key in column @c. */
static char *
key_text (const KlyngeFundingTotal *row,
          guint                     c)
{
  switch (columns[c].flag)
    {
    case KLYNGE_FUNDING_BY_YEAR:
      return g_strdup_printf ("%u", klynge_funding_total_get_year (row));
    case KLYNGE_FUNDING_BY_SOURCE:
      return g_strdup (klynge_funding_total_get_source (row));
    case KLYNGE_FUNDING_BY_HOLDER:
      return g_strdup (klynge_funding_total_get_holder (row));
    case KLYNGE_FUNDING_BY_KIND:
      return g_strdup (klynge_funding_total_get_kind_name (row));
    case KLYNGE_FUNDING_BY_DESIGNATION:
      return g_strdup (klynge_funding_total_get_designation_role_name (row));
    default:
      g_assert_not_reached ();
    }
}

static void
append_csv_field (GString    *out,
                  const char *value)
{
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* @total_unknown: the grants of unknown amount in all rows; with some, a
 * last column says how many each row's amount leaves out. */
static void
write_csv (GString               *out,
           GPtrArray             *rows,
           KlyngeFundingGrouping  grouping,
           guint                  total_unknown)
{
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    if (grouping & columns[c].flag)
      g_string_append_printf (out, "%s,", columns[c].name);
  g_string_append (out, total_unknown > 0 ? "amount,grants_of_unknown_amount\r\n" : "amount\r\n");

  for (guint r = 0; r < rows->len; r++)
    {
      const KlyngeFundingTotal *row = g_ptr_array_index (rows, r);
      g_autofree char *amount = klynge_money_to_string (klynge_funding_total_get_amount (row), 2);

      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        if (grouping & columns[c].flag)
          {
            g_autofree char *key = key_text (row, c);

            append_csv_field (out, key);
            g_string_append_c (out, ',');
          }
      if (total_unknown > 0)
        g_string_append_printf (out, "%s,%u\r\n", amount, klynge_funding_total_get_n_unknown (row));
      else
        g_string_append_printf (out, "%s\r\n", amount);
    }
}

static void
append_padded (GString    *out,
               const char *text,
               guint       width,
               gboolean    right)
{
  glong len = g_utf8_strlen (text, -1);

  if (right)
    for (glong i = len; i < (glong) width; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, text);
  if (!right)
    for (glong i = len; i < (glong) width; i++)
      g_string_append_c (out, ' ');
}

static void
write_text (GString               *out,
            GPtrArray             *rows,
            KlyngeFundingGrouping  grouping,
            guint                  total_unknown)
{
  const char *amount_title = "Amount (DKK)";
  guint widths[G_N_ELEMENTS (columns) + 1] = { 0, };
  guint amount_column = G_N_ELEMENTS (columns);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *total_text = NULL;
  gint64 total = 0;
  guint n_cells = amount_column + 1;
  guint first_column = amount_column;

  if (rows->len == 0)
    {
      g_string_append (out, "No contract has days in the period.\n");
      return;
    }

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    if (grouping & columns[c].flag)
      {
        widths[c] = g_utf8_strlen (columns[c].title, -1);
        first_column = MIN (first_column, c);
      }
  widths[amount_column] = g_utf8_strlen (amount_title, -1);

  for (guint r = 0; r < rows->len; r++)
    {
      const KlyngeFundingTotal *row = g_ptr_array_index (rows, r);

      for (guint c = 0; c < n_cells; c++)
        {
          char *cell = NULL;

          if (c == amount_column)
            cell = klynge_money_to_grouped_string (klynge_funding_total_get_amount (row));
          else if (grouping & columns[c].flag)
            cell = key_text (row, c);
          if (cell != NULL)
            widths[c] = MAX (widths[c], (guint) g_utf8_strlen (cell, -1));
          g_ptr_array_add (cells, cell);
        }
      total += klynge_funding_total_get_amount (row);
    }
  total_text = klynge_money_to_grouped_string (total);
  widths[amount_column] = MAX (widths[amount_column], (guint) strlen (total_text));
  if (first_column < amount_column)
    widths[first_column] = MAX (widths[first_column], (guint) strlen ("Total"));

  /* header, rows, and a total line where there is more than one row */
  for (guint c = 0; c < n_cells; c++)
    if (c == amount_column || (grouping & columns[c].flag))
      {
        append_padded (out, c == amount_column ? amount_title : columns[c].title,
                       widths[c], c == amount_column);
        g_string_append (out, c == amount_column ? "\n" : "  ");
      }
  for (guint r = 0; r < rows->len; r++)
    for (guint c = 0; c < n_cells; c++)
      if (c == amount_column || (grouping & columns[c].flag))
        {
          g_autofree char *unknown = tool_unknown_grants_text (klynge_funding_total_get_n_unknown (g_ptr_array_index (rows, r)));

          append_padded (out, g_ptr_array_index (cells, r * n_cells + c),
                         widths[c], c == amount_column);
          if (c == amount_column)
            g_string_append (out, unknown);
          g_string_append (out, c == amount_column ? "\n" : "  ");
        }
  if (rows->len > 1)
    for (guint c = 0; c < n_cells; c++)
      if (c == amount_column || (grouping & columns[c].flag))
        {
          g_autofree char *unknown = tool_unknown_grants_text (total_unknown);

          append_padded (out, c == amount_column ? total_text : c == first_column ? "Total" : "",
                         widths[c], c == amount_column);
          if (c == amount_column)
            g_string_append (out, unknown);
          g_string_append (out, c == amount_column ? "\n" : "  ");
        }
}

int
tool_funding (Tool  *tool,
              int    argc,
              char **argv)
{
  const ToolCommand *command = tool_find_command ("funding");
  g_auto(GStrv) by = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *format_name = NULL;
  GOptionEntry entries[] = {
    { "by", 'b', 0, G_OPTION_ARG_STRING_ARRAY, &by,
      "Group by source, holder, year, kind and/or designation (comma-separated), or total", "LIST" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, "Count only days from DATE on", "DATE" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, "Count only days up to DATE", "DATE" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, "Output format: text (default) or csv", "FORMAT" },
    { NULL }
  };
  g_autoptr(KlyngeLandscape) landscape = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = NULL;
  KlyngeFundingGrouping grouping;
  KlyngePeriod within = { { 0, }, };
  Format format = FORMAT_TEXT;
  guint total_unknown = 0;
  int status;

  if (!tool_parse_options (tool, command, description, entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return tool_usage_error (command, "unexpected argument “%s”", argv[1]);
  if (!parse_grouping (command, by, &grouping))
    return TOOL_EXIT_USAGE;
  if (format_name != NULL)
    {
      if (strcmp (format_name, "csv") == 0)
        format = FORMAT_CSV;
      else if (strcmp (format_name, "text") != 0)
        return tool_usage_error (command, "--format: “%s” is not text or csv", format_name);
    }
  if (from != NULL && !tool_parse_date (command, "--from", from, &within.start))
    return TOOL_EXIT_USAGE;
  if (to != NULL && !tool_parse_date (command, "--to", to, &within.end))
    return TOOL_EXIT_USAGE;
  if (from != NULL && to != NULL
      && klynge_date_get_first_day (&within.start) > klynge_date_get_last_day (&within.end))
    return tool_usage_error (command, "--to %s is before --from %s", to, from);

  landscape = tool_load_landscape (tool);
  if (landscape == NULL)
    return TOOL_EXIT_DATA;

  /* the grand total first: amounts are not negative, so when it fits,
   * so do the rows and the text format's total line */
  rows = klynge_landscape_funding_totals_checked (landscape, 0,
                                                  from != NULL || to != NULL ? &within : NULL, &error);
  if (rows != NULL)
    total_unknown = klynge_funding_total_get_n_unknown (g_ptr_array_index (rows, 0));
  if (rows != NULL && grouping != 0)
    {
      g_clear_pointer (&rows, g_ptr_array_unref);
      rows = klynge_landscape_funding_totals_checked (landscape, grouping,
                                                      from != NULL || to != NULL ? &within : NULL, &error);
    }
  if (rows == NULL)
    {
      g_printerr ("klynge: %s\n", error->message);
      return TOOL_EXIT_DATA;
    }
  out = g_string_new (NULL);
  if (format == FORMAT_CSV)
    write_csv (out, rows, grouping, total_unknown);
  else
    {
      write_text (out, rows, grouping, total_unknown);
      tool_append_coverage (out, landscape, from != NULL ? within.start.year : 0,
                            to != NULL ? within.end.year : 0);
    }

  if (fwrite (out->str, 1, out->len, stdout) != out->len || fflush (stdout) != 0)
    {
      g_printerr ("klynge: cannot write the output: %s\n", g_strerror (errno));
      return TOOL_EXIT_DATA;
    }
  return TOOL_EXIT_OK;
}
