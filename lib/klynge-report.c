/* klynge-report.c: the landscape as one self-contained HTML report
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "klynge-file-output-private.h"
#include "klynge-landscape-private.h"
#include "klynge-svg-private.h"

/**
 * SECTION:klynge-report
 * @title: The landscape report
 * @short_description: one HTML file with the landscape's figures and pictures
 *
 * klynge_landscape_write_report() writes the landscape on a date as one
 * self-contained HTML5 document, readable in a browser and printable:
 * its style sheet is inline, its charts are inline SVG, and it has no
 * scripts and asks for nothing from elsewhere (no fonts, images or
 * links), which its Content-Security-Policy (`default-src 'none';
 * style-src 'unsafe-inline'`) also forbids. The document is well-formed
 * XML too (XHTML syntax that HTML5 reads the same), so that tools of
 * either kind can read it. The same landscape and date give the same
 * bytes: nothing in it depends on the clock (but the default date, see
 * klynge_landscape_get_default_date()) or on the locale; amounts are
 * written as klynge_money_to_grouped_string() writes them, in DKK.
 *
 * Its sections, each with an `id`:
 *
 * - `headline`: the headline figures on the date;
 * - `active`: the organisations active on 31 December of each year by
 *   kind, from 2000 (or the first year of the data, if later, or if the
 *   data ends before 2000) to the last year of the data;
 * - `consolidation`: each body a bar over its life with the completed
 *   mergers, absorptions, transfers and renames between them, as
 *   klynge_landscape_lineage_to_svg() draws them; every organisation up to
 *   200 of them, above that only those a merger names, and never more
 *   than 400 bars (the text then says how many are left out); and the
 *   events per year and kind;
 * - `funding`: funding per source and calendar year as stacked bars (the
 *   figures of klynge_landscape_funding_totals()) and the coverage of the
 *   programmes' envelopes (klynge_landscape_coverage());
 * - `national-clusters`: the designated national clusters on the date
 *   with their areas, locations, programmes and contracts, and the
 *   programmes.
 *
 * Every chart is an `<svg role="img">` with a `<title>` and a `<desc>` as
 * its text alternative, followed by a `<table>` of its numbers.
 *
 * ## The figures' hooks
 *
 * Each headline figure is a `<data class="figure">` element with a stable
 * `id` and the figure, machine-readable, in its `value`; those of
 * organisations and funding equal what `klynge summary` says for the same
 * date, and the coverage ones are the sums of its coverage rows:
 *
 * | id | value |
 * |---|---|
 * | `fig-as-of` | the date, `YYYY-MM-DD` (or as precise as given) |
 * | `fig-designated` | designated national clusters active on the date |
 * | `fig-active-KIND`, `fig-not-known-KIND` | organisations of the kind (its nick, such as `cluster`) active on the date, and those not known to be |
 * | `fig-active-total`, `fig-not-known-total` | the same for all kinds |
 * | `fig-members`, `fig-memberships` | members and memberships in the landscape, or `not known` when it holds none |
 * | `fig-member-lists-complete` | organisations whose member list is stated complete |
 * | `fig-funding-total` | all funding, in kroner with two decimals (`186870178.00`) |
 * | `fig-funding-unknown` | grants of unknown amount, which the total leaves out |
 * | `fig-envelopes`, `fig-recorded` | the programmes' envelopes and what contracts naming them record, in kroner, over the years that have an envelope |
 * | `fig-coverage` | recorded ÷ envelope in percent (`24.13`), or `none` |
 */

/* above this many organisations the consolidation picture shows only
 * those a merger names */
#define REPORT_ALL_BODIES_MAX 200
/* the first year of the per-year chart, unless the data begins later */
#define REPORT_FIRST_YEAR 2000
/* funding sources with a colour of their own; the rest are summed */
#define REPORT_MAX_SERIES 9

#define N_KINDS (KLYNGE_ORGANISATION_KIND_OTHER + 1)

typedef struct {
  KlyngeOutput out;
  KlyngeLandscape *landscape;
  KlyngeDate date;
  gboolean date_given;
  /* per organisation, in landscape order: the first day the landscape
   * shows it active, for those with no founding date (0 otherwise); a
   * scan of the landscape each, so found once for every date counted */
  guint32 *first_stated;
} Report;

/* --- the date ------------------------------------------------------------ */

static void
span_add (guint32          *first,
          guint32          *last,
          const KlyngeDate *date)
{
  if (date == NULL || !klynge_date_is_set (date))
    return;
  if (*first == 0 || klynge_date_get_first_day (date) < *first)
    *first = klynge_date_get_first_day (date);
  if (klynge_date_get_last_day (date) > *last)
    *last = klynge_date_get_last_day (date);
}

/**
 * klynge_landscape_get_date_span:
 * @self: a landscape
 * @first: (out caller-allocates) (optional): the first day of its
 *   earliest date
 * @last: (out caller-allocates) (optional): the last day of its latest date
 *
 * The span of the dates in a landscape: the organisations' founding,
 * dissolution and known-until dates, contract periods, merger effective
 * dates, initiative periods, programme periods and designations. Both
 * are days (full dates); they are not set when the landscape has no date.
 *
 * Returns: %TRUE when the landscape has a date
 */
gboolean
klynge_landscape_get_date_span (KlyngeLandscape *self,
                                KlyngeDate      *first,
                                KlyngeDate      *last)
{
  guint32 first_day = 0, last_day = 0;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), FALSE);

  for (guint i = 0; i < self->organisations->len; i++)
    {
      KlyngeOrganisation *organisation = ((KlyngeOrgEntry *) g_ptr_array_index (self->organisations, i))->organisation;

      span_add (&first_day, &last_day, klynge_organisation_get_founded (organisation));
      span_add (&first_day, &last_day, klynge_organisation_get_dissolved (organisation));
      span_add (&first_day, &last_day, klynge_organisation_get_known_until (organisation));
    }
  for (guint i = 0; i < self->contracts->len; i++)
    {
      const KlyngePeriod *period = klynge_contract_get_period (g_ptr_array_index (self->contracts, i));

      span_add (&first_day, &last_day, &period->start);
      span_add (&first_day, &last_day, &period->end);
    }
  for (guint i = 0; i < self->mergers->len; i++)
    span_add (&first_day, &last_day, klynge_merger_get_effective (g_ptr_array_index (self->mergers, i)));
  for (guint i = 0; i < self->initiatives->len; i++)
    {
      span_add (&first_day, &last_day, klynge_initiative_get_start (g_ptr_array_index (self->initiatives, i)));
      span_add (&first_day, &last_day, klynge_initiative_get_end (g_ptr_array_index (self->initiatives, i)));
    }
  for (guint i = 0; i < self->programmes->len; i++)
    {
      KlyngeProgramme *programme = g_ptr_array_index (self->programmes, i);
      GPtrArray *designations = klynge_programme_get_designations (programme);

      span_add (&first_day, &last_day, klynge_programme_get_start (programme));
      span_add (&first_day, &last_day, klynge_programme_get_end (programme));
      for (guint d = 0; d < designations->len; d++)
        {
          span_add (&first_day, &last_day, klynge_designation_get_start (g_ptr_array_index (designations, d)));
          span_add (&first_day, &last_day, klynge_designation_get_end (g_ptr_array_index (designations, d)));
        }
    }
  if (first != NULL)
    *first = (KlyngeDate) { 0, };
  if (last != NULL)
    *last = (KlyngeDate) { 0, };
  if (first_day == 0)
    return FALSE;
  if (first != NULL)
    klynge_date_init_from_day (first, first_day);
  if (last != NULL)
    klynge_date_init_from_day (last, last_day);
  return TRUE;
}

/**
 * klynge_landscape_get_default_date:
 * @self: a landscape
 * @date: (out caller-allocates): the date
 *
 * The date a summary or report of @self is of when none is given: today,
 * moved into the span of the dates in the data
 * (klynge_landscape_get_date_span()) when it lies outside, so that the
 * landscape of a past year is shown as it last was rather than empty.
 * Today for a landscape with no date.
 */
void
klynge_landscape_get_default_date (KlyngeLandscape *self,
                                   KlyngeDate      *date)
{
  KlyngeDate first, last;

  g_return_if_fail (KLYNGE_IS_LANDSCAPE (self));
  g_return_if_fail (date != NULL);

  klynge_date_init_today (date);
  if (!klynge_landscape_get_date_span (self, &first, &last))
    return;
  if (klynge_date_get_first_day (date) > klynge_date_get_first_day (&last))
    *date = last;
  else if (klynge_date_get_first_day (date) < klynge_date_get_first_day (&first))
    *date = first;
}

/* --- writing --------------------------------------------------------------- */

#define PUT(report, s) KLYNGE_OUTPUT_PUT_LITERAL (&(report)->out, s)

static void
put_text (Report     *report,
          const char *text)
{
  _klynge_output_put_escaped (&report->out, text != NULL ? text : "", FALSE);
}

static void
put_attribute (Report     *report,
               const char *text)
{
  _klynge_output_put_escaped (&report->out, text != NULL ? text : "", TRUE);
}

/* <td> or <th> with @text */
static void
put_cell (Report     *report,
          const char *tag,
          const char *text)
{
  _klynge_svg_printf (&report->out, "<%s>", tag);
  put_text (report, text);
  _klynge_svg_printf (&report->out, "</%s>", tag);
}

static void
put_number_cell (Report *report,
                 gint64  value)
{
  _klynge_svg_printf (&report->out, "<td class=\"n\">%" G_GINT64_FORMAT "</td>", value);
}

static void
put_money_cell (Report *report,
                gint64  ore)
{
  g_autofree char *text = klynge_money_to_grouped_string (ore);

  PUT (report, "<td class=\"n\">");
  put_text (report, text);
  PUT (report, "</td>");
}

/* Adds @amount to @sum, a sum of amounts the report shows, stopping at
 * KLYNGE_MONEY_MAX: amounts up to it load, so their sums could
 * otherwise overflow. */
static void
add_amount (gint64 *sum,
            gint64  amount)
{
  if (amount > 0 && !_klynge_money_add (sum, amount, "a sum in the report", NULL))
    *sum = KLYNGE_MONEY_MAX;
}

/* @part ÷ @whole in basis points, rounded; @part × 10000 overflows from
 * about 9.2 × 10^14 øre, where the ratio needs no exact last digit */
static guint
basis_points_of (gint64 part,
                 gint64 whole)
{
  if (part <= (G_MAXINT64 - whole / 2) / 10000)
    return (guint) MIN ((part * 10000 + whole / 2) / whole, (gint64) G_MAXUINT);
  return (guint) MIN ((double) part / (double) whole * 10000.0 + 0.5, (double) G_MAXUINT);
}

/* A table's column heading; numbers are aligned right. */
typedef struct {
  const char *name;
  gboolean number;
} Column;

/* Opens a table with @caption and the headings of @columns, up to the
 * rows. */
static void
open_table (Report       *report,
            const char   *caption,
            const Column *columns,
            guint         n_columns)
{
  PUT (report, "<table>\n<caption>");
  put_text (report, caption);
  PUT (report, "</caption>\n<thead><tr>");
  for (guint i = 0; i < n_columns; i++)
    {
      PUT (report, "<th");
      if (columns[i].number)
        PUT (report, " class=\"n\"");
      PUT (report, ">");
      put_text (report, columns[i].name);
      PUT (report, "</th>");
    }
  PUT (report, "</tr></thead>\n<tbody>\n");
}

/* A headline figure: <data class="figure" id="fig-@name" value="@value">@text</data> */
static void
put_figure (Report     *report,
            const char *name,
            const char *value,
            const char *text)
{
  PUT (report, "<data class=\"figure\" id=\"fig-");
  put_attribute (report, name);
  PUT (report, "\" value=\"");
  put_attribute (report, value);
  PUT (report, "\">");
  put_text (report, text);
  PUT (report, "</data>");
}

static void
put_count_figure (Report     *report,
                  const char *name,
                  guint       count)
{
  char text[16];

  g_snprintf (text, sizeof text, "%u", count);
  put_figure (report, name, text, text);
}

static void
put_money_figure (Report     *report,
                  const char *name,
                  gint64      ore)
{
  g_autofree char *value = klynge_money_to_string (ore, 2);
  g_autofree char *text = klynge_money_to_grouped_string (ore);
  g_autofree char *shown = g_strconcat (text, " DKK", NULL);

  put_figure (report, name, value, shown);
}

/* FALSE once writing failed or was cancelled */
static gboolean
report_ok (Report *report)
{
  if (report->out.error != NULL)
    return FALSE;
  if (report->out.cancellable != NULL)
    return !g_cancellable_set_error_if_cancelled (report->out.cancellable, &report->out.error);
  return TRUE;
}

static const char *
kind_nick (guint kind)
{
  return klynge_enum_to_nick (KLYNGE_TYPE_ORGANISATION_KIND, (int) kind);
}

/* --- what is counted -------------------------------------------------------- */

/* Organisations by kind on a day, as klynge summary counts them: active,
 * and not known to be (a partial or missing date). */
typedef struct {
  guint active[N_KINDS];
  guint not_known[N_KINDS];
  guint n_active;
  guint n_not_known;
} KindCounts;

/* The status of every organisation is that of klynge_landscape_get_status()
 * but for telling a dissolved organisation from a merged one, which
 * costs a look through the mergers and counts for nothing here. */
static void
count_kinds (Report           *report,
             const KlyngeDate *date,
             KindCounts       *counts)
{
  KlyngeLandscape *landscape = report->landscape;
  guint32 day = klynge_date_get_first_day (date);

  memset (counts, 0, sizeof *counts);
  for (guint i = 0; i < landscape->organisations->len; i++)
    {
      KlyngeOrgEntry *entry = g_ptr_array_index (landscape->organisations, i);
      guint kind = klynge_organisation_get_kind (entry->organisation);
      KlyngeOrganisationStatus status = _klynge_organisation_status_on (entry->organisation, day,
                                                                        report->first_stated[i]);

      if (kind >= N_KINDS)
        continue;
      if (status == KLYNGE_ORGANISATION_STATUS_ACTIVE)
        {
          counts->active[kind]++;
          counts->n_active++;
        }
      else if (status == KLYNGE_ORGANISATION_STATUS_NOT_KNOWN)
        {
          counts->not_known[kind]++;
          counts->n_not_known++;
        }
    }
}

/* The designated national clusters on @date: organisations active that
 * day with a national-cluster designation active that day, each once, in
 * the programmes' order. Their first such designation goes in
 * @designations_out, when given. */
static GPtrArray *
designated_national_clusters (KlyngeLandscape  *landscape,
                              const KlyngeDate *date,
                              GPtrArray        *designations_out)
{
  g_autoptr(KlyngeDesignationFilter) filter = klynge_designation_filter_new ();
  g_autoptr(GPtrArray) designations = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *organisations = g_ptr_array_new ();

  klynge_designation_filter_set_active_on (filter, date);
  klynge_designation_filter_set_role (filter, KLYNGE_DESIGNATION_ROLE_NATIONAL_CLUSTER);
  designations = klynge_landscape_designations (landscape, filter);
  for (guint i = 0; i < designations->len; i++)
    {
      KlyngeDesignation *designation = g_ptr_array_index (designations, i);
      const char *id = klynge_designation_get_organisation (designation);
      KlyngeOrgEntry *entry = _klynge_landscape_get_org_entry (landscape, id);

      if (entry == NULL || g_hash_table_contains (seen, id)
          || _klynge_landscape_status_of (landscape, entry, date, NULL) != KLYNGE_ORGANISATION_STATUS_ACTIVE)
        continue;
      g_hash_table_add (seen, (gpointer) id);
      g_ptr_array_add (organisations, entry->organisation);
      if (designations_out != NULL)
        g_ptr_array_add (designations_out, klynge_designation_ref (designation));
    }
  return organisations;
}

/* --- the page --------------------------------------------------------------- */

static const char style_sheet[] =
  "body{font-family:sans-serif;color:#222;margin:1.5em auto;max-width:78em;padding:0 1em;line-height:1.4}\n"
  "h1{font-size:1.6em}h2{font-size:1.3em;border-bottom:1px solid #ccc;margin-top:2em}\n"
  "table{border-collapse:collapse;margin:0.5em 0 1em;font-size:0.9em}\n"
  "th,td{border:1px solid #ccc;padding:0.15em 0.5em;text-align:left;vertical-align:top}\n"
  "th{background:#f3f3f3}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}\n"
  ".figures{display:flex;flex-wrap:wrap;gap:0.8em;padding:0;list-style:none}\n"
  ".figures li{border:1px solid #ccc;border-radius:4px;padding:0.5em 0.8em;min-width:12em;max-width:24em}\n"
  ".figures .label{display:block;color:#555}\n"
  ".figures li>data{display:block;font-size:1.6em;font-weight:bold}\n"
  ".figures .detail{display:block;font-size:0.9em}\n"
  ".chart{display:flex;flex-wrap:wrap;gap:1.5em;align-items:flex-start}\n"
  ".chart svg{max-width:100%;height:auto}\n"
  ".scroll{overflow-x:auto}\n"
  ".note{color:#555;font-size:0.9em}\n"
  "@media print{body{max-width:none;margin:0;font-size:10pt}"
  "h2{break-before:page;break-after:avoid}section:first-of-type h2{break-before:auto}"
  "table,svg{break-inside:avoid}.scroll{overflow:visible}}\n";

static void
write_head (Report *report)
{
  g_autofree char *date = klynge_date_to_string (&report->date);

  PUT (report, "<!DOCTYPE html>\n"
               "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\" xml:lang=\"en\">\n"
               "<head>\n"
               "<meta charset=\"utf-8\"/>\n"
               "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
               "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\"/>\n"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
               "<title>The cluster landscape on ");
  put_text (report, date);
  PUT (report, "</title>\n<style>\n");
  PUT (report, style_sheet);
  PUT (report, "</style>\n</head>\n<body>\n");
}

static void
write_title (Report *report)
{
  g_autofree char *date = klynge_date_to_string (&report->date);
  KlyngeDate first, last;

  PUT (report, "<header>\n<h1>The cluster landscape on ");
  put_figure (report, "as-of", date, date);
  PUT (report, "</h1>\n<p class=\"note\">");
  if (klynge_landscape_get_date_span (report->landscape, &first, &last))
    {
      g_autofree char *first_text = klynge_date_to_string (&first);
      g_autofree char *last_text = klynge_date_to_string (&last);

      PUT (report, "Dates in the data: ");
      put_text (report, first_text);
      PUT (report, " to ");
      put_text (report, last_text);
      PUT (report, ". ");
    }
  else
    PUT (report, "The landscape holds no dates. ");
  if (report->date_given)
    PUT (report, "The figures are of the date asked for.");
  else
    {
      KlyngeDate today;

      /* as klynge summary says it */
      klynge_date_init_today (&today);
      PUT (report, "The figures are of ");
      if (klynge_date_equal (&report->date, &today))
        PUT (report, "today.");
      else if (klynge_date_compare (&report->date, &today) < 0)
        PUT (report, "the latest date in the data (today is later).");
      else
        PUT (report, "the earliest date in the data (today is earlier).");
    }
  PUT (report, " Amounts are in Danish kroner (DKK).</p>\n</header>\n");
}

/* A headline figure's box opens with its label; the figure follows as
 * its first <data>, details in a <span class="detail">. */
static void
open_figure_box (Report     *report,
                 const char *label)
{
  PUT (report, "<li><span class=\"label\">");
  put_text (report, label);
  PUT (report, "</span>");
}

static void
write_kind_figures (Report           *report,
                    const KindCounts *counts)
{
  for (guint kind = 0; kind <= N_KINDS; kind++)
    {
      gboolean total = kind == N_KINDS;
      const char *nick = total ? "total" : kind_nick (kind);
      g_autofree char *active = g_strconcat ("active-", nick, NULL);
      g_autofree char *not_known = g_strconcat ("not-known-", nick, NULL);
      g_autofree char *label = total ? g_strdup ("All organisations active") : g_strconcat (nick, " active", NULL);

      open_figure_box (report, label);
      put_count_figure (report, active, total ? counts->n_active : counts->active[kind]);
      PUT (report, "<span class=\"detail\">and ");
      put_count_figure (report, not_known, total ? counts->n_not_known : counts->not_known[kind]);
      PUT (report, " not known to be</span></li>\n");
    }
}

/* A landscape with no members says nothing of them: not zero. */
static void
write_member_figures (Report *report)
{
  KlyngeLandscape *landscape = report->landscape;
  guint n_members = klynge_landscape_count (landscape, KLYNGE_TYPE_MEMBER);
  guint n_memberships = klynge_landscape_count_memberships (landscape);
  guint n_complete = 0;

  for (guint i = 0; i < landscape->organisations->len; i++)
    if (klynge_organisation_get_member_list (
          ((KlyngeOrgEntry *) g_ptr_array_index (landscape->organisations, i))->organisation)
        == KLYNGE_MEMBER_LIST_COMPLETE)
      n_complete++;

  open_figure_box (report, "Members");
  if (n_members == 0)
    put_figure (report, "members", "not known", "not known");
  else
    put_count_figure (report, "members", n_members);
  PUT (report, "<span class=\"detail\">memberships: ");
  if (n_memberships == 0)
    put_figure (report, "memberships", "not known", "not known");
  else
    put_count_figure (report, "memberships", n_memberships);
  PUT (report, "; member lists complete for ");
  put_count_figure (report, "member-lists-complete", n_complete);
  _klynge_svg_printf (&report->out, " of %u organisations</span></li>\n", landscape->organisations->len);
}

static void
write_funding_figures (Report *report)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) grand = klynge_landscape_funding_totals_checked (report->landscape, 0, NULL, &error);
  g_autoptr(GPtrArray) coverage = klynge_landscape_coverage (report->landscape, NULL, NULL);
  gint64 envelopes = 0, recorded = 0;

  open_figure_box (report, "Funding in the data");
  if (grand == NULL)
    {
      put_figure (report, "funding-total", "not known", "not known");
      PUT (report, "<span class=\"detail\">");
      put_text (report, error->message);
      PUT (report, "</span>");
    }
  else
    {
      KlyngeFundingTotal *total = g_ptr_array_index (grand, 0);

      put_money_figure (report, "funding-total", klynge_funding_total_get_amount (total));
      PUT (report, "<span class=\"detail\">and ");
      put_count_figure (report, "funding-unknown", klynge_funding_total_get_n_unknown (total));
      PUT (report, " grants of unknown amount</span>");
    }
  PUT (report, "</li>\n");

  if (coverage == NULL)
    return;
  /* the years that have an envelope: recorded funding without one
   * covers nothing */
  for (guint i = 0; i < coverage->len; i++)
    {
      KlyngeCoverage *row = g_ptr_array_index (coverage, i);

      if (klynge_coverage_get_envelope (row) <= 0)
        continue;
      add_amount (&envelopes, klynge_coverage_get_envelope (row));
      add_amount (&recorded, klynge_coverage_get_recorded (row));
    }
  open_figure_box (report, "Coverage of the envelopes");
  if (envelopes > 0)
    {
      guint basis_points = basis_points_of (recorded, envelopes);
      g_autofree char *percent = klynge_percent_to_string (basis_points, 2);
      g_autofree char *shown = g_strconcat (percent, " %", NULL);

      put_figure (report, "coverage", percent, shown);
    }
  else
    put_figure (report, "coverage", "none", "no envelope");
  PUT (report, "<span class=\"detail\">");
  put_money_figure (report, "recorded", recorded);
  PUT (report, " recorded against envelopes of ");
  put_money_figure (report, "envelopes", envelopes);
  PUT (report, "</span></li>\n");
}

static void
write_headline (Report *report)
{
  g_autoptr(GPtrArray) national = designated_national_clusters (report->landscape, &report->date, NULL);
  KindCounts counts;

  count_kinds (report, &report->date, &counts);
  PUT (report, "<section id=\"headline\">\n<h2>Headline figures</h2>\n<ul class=\"figures\">\n");
  open_figure_box (report, "Designated national clusters");
  put_count_figure (report, "designated", national->len);
  PUT (report, "</li>\n");
  write_kind_figures (report, &counts);
  write_member_figures (report);
  write_funding_figures (report);
  PUT (report, "</ul>\n<p class=\"note\">Organisations are counted as <code>klynge summary</code> counts "
               "them: active on the date, or not known to be when a partial or missing date leaves it open. "
               "Members are those the landscape records: where it records none their number is not known, "
               "and an organisation whose member list is not complete may have more.</p>\n</section>\n");
}

/* --- a stacked bar chart ------------------------------------------------------ */

typedef struct {
  const char *id;
  const char *title;
  const char *description;
  guint n_columns;
  const guint *columns;         /* years */
  guint n_series;
  const char * const *series;   /* names */
  const gint64 *values;         /* [series * n_columns + column] */
  char *(*format) (gint64 value);
} StackedBars;

#define BARS_LEFT 100
#define BARS_TOP 16
#define BARS_HEIGHT 220
#define BARS_LEGEND_ROW 18

/* The height of @part of a bar chart whose tallest bar is @max, both at
 * most KLYNGE_MONEY_MAX: exact while @part × BARS_HEIGHT fits */
static int
bar_height (gint64 part,
            gint64 max)
{
  if (part <= G_MAXINT64 / BARS_HEIGHT)
    return (int) (part * BARS_HEIGHT / max);
  return (int) ((double) part / (double) max * BARS_HEIGHT);
}

static char *
format_count (gint64 value)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

static char *
format_money (gint64 value)
{
  return klynge_money_to_grouped_string (value);
}

static void
write_stacked_bars (Report            *report,
                    const StackedBars *chart)
{
  KlyngeOutput *out = &report->out;
  int bar_width = CLAMP (720 / (int) MAX (chart->n_columns, 1), 6, 40);
  int plot_width = bar_width * (int) chart->n_columns;
  int width = BARS_LEFT + MAX (plot_width, 420) + 20;
  int per_row = MAX ((width - 10) / 200, 1);
  int legend_rows = ((int) chart->n_series + per_row - 1) / per_row;
  int height = BARS_TOP + BARS_HEIGHT + 24 + legend_rows * BARS_LEGEND_ROW + 8;
  /* a year label is about 30 pixels wide */
  int label_step = (34 + bar_width - 1) / bar_width;
  gint64 max = 0;

  for (guint c = 0; c < chart->n_columns; c++)
    {
      gint64 sum = 0;
      for (guint s = 0; s < chart->n_series; s++)
        add_amount (&sum, chart->values[s * chart->n_columns + c]);
      max = MAX (max, sum);
    }

  _klynge_svg_open (out, chart->id, width, height, chart->title, chart->description, FALSE);
  /* the scale: zero and the tallest column */
  _klynge_svg_line (out, BARS_LEFT - 4, BARS_TOP + BARS_HEIGHT, BARS_LEFT + plot_width, BARS_TOP + BARS_HEIGHT,
                    "#888888", 1, NULL);
  _klynge_svg_line (out, BARS_LEFT - 4, BARS_TOP, BARS_LEFT + plot_width, BARS_TOP, "#dddddd", 1, NULL);
  _klynge_svg_text (out, BARS_LEFT - 6, BARS_TOP + BARS_HEIGHT + 4, "end", "0");
  {
    g_autofree char *top = chart->format (max);
    _klynge_svg_text (out, BARS_LEFT - 6, BARS_TOP + 4, "end", top);
  }
  for (guint c = 0; c < chart->n_columns; c++)
    {
      int x = BARS_LEFT + (int) c * bar_width;
      gint64 below = 0;

      for (guint s = 0; s < chart->n_series && max > 0; s++)
        {
          gint64 value = chart->values[s * chart->n_columns + c];
          int y0, y1;
          g_autofree char *text = NULL;
          g_autofree char *tooltip = NULL;

          if (value <= 0)
            continue;
          y0 = BARS_TOP + BARS_HEIGHT - bar_height (below, max);
          add_amount (&below, value);
          y1 = BARS_TOP + BARS_HEIGHT - bar_height (below, max);
          text = chart->format (value);
          tooltip = g_strdup_printf ("%s, %u: %s", chart->series[s], chart->columns[c], text);
          _klynge_svg_rect (out, x + 1, y1, bar_width - 2, MAX (y0 - y1, 1), _klynge_svg_colour (s), tooltip);
        }
      if (c % (guint) label_step == 0)
        {
          char year[8];

          g_snprintf (year, sizeof year, "%u", chart->columns[c]);
          _klynge_svg_text (out, x + bar_width / 2, BARS_TOP + BARS_HEIGHT + 16, "middle", year);
        }
    }
  for (guint s = 0; s < chart->n_series; s++)
    {
      int x = 10 + ((int) s % per_row) * 200;
      int y = BARS_TOP + BARS_HEIGHT + 28 + ((int) s / per_row) * BARS_LEGEND_ROW;

      _klynge_svg_rect (out, x, y, 12, 12, _klynge_svg_colour (s), NULL);
      _klynge_svg_text (out, x + 16, y + 10, "start", chart->series[s]);
    }
  _klynge_svg_close (out);
}

/* The numbers of a stacked chart: a row per column (year), a column per
 * series, and the total. */
static void
write_stacked_table (Report            *report,
                     const StackedBars *chart,
                     const char        *caption)
{
  PUT (report, "<table>\n<caption>");
  put_text (report, caption);
  PUT (report, "</caption>\n<thead><tr><th>year</th>");
  for (guint s = 0; s < chart->n_series; s++)
    {
      PUT (report, "<th class=\"n\">");
      put_text (report, chart->series[s]);
      PUT (report, "</th>");
    }
  PUT (report, "<th class=\"n\">total</th></tr></thead>\n<tbody>\n");
  for (guint c = 0; c < chart->n_columns; c++)
    {
      gint64 sum = 0;

      _klynge_svg_printf (&report->out, "<tr><th>%u</th>", chart->columns[c]);
      for (guint s = 0; s < chart->n_series; s++)
        {
          gint64 value = chart->values[s * chart->n_columns + c];
          g_autofree char *text = chart->format (value);

          add_amount (&sum, value);
          PUT (report, "<td class=\"n\">");
          put_text (report, text);
          PUT (report, "</td>");
        }
      {
        g_autofree char *text = chart->format (sum);
        PUT (report, "<td class=\"n\">");
        put_text (report, text);
        PUT (report, "</td></tr>\n");
      }
    }
  PUT (report, "</tbody>\n</table>\n");
}

/* --- organisations active per year -------------------------------------------- */

static void
write_active_per_year (Report *report)
{
  KlyngeDate first, last;
  guint first_year, last_year, n_years;
  g_autofree guint *years = NULL;
  g_autofree gint64 *values = NULL;
  g_autofree guint *not_known = NULL;
  const char *series[N_KINDS];
  StackedBars chart = { "chart-active", "Organisations active per year, by kind", NULL };
  g_autofree char *description = NULL;

  PUT (report, "<section id=\"active\">\n<h2>Organisations active per year</h2>\n");
  if (!klynge_landscape_get_date_span (report->landscape, &first, &last))
    {
      PUT (report, "<p>The landscape holds no dates.</p>\n</section>\n");
      return;
    }
  /* from 2000, unless the data ends before */
  first_year = last.year < REPORT_FIRST_YEAR ? first.year : MAX (first.year, REPORT_FIRST_YEAR);
  last_year = last.year;
  n_years = last_year - first_year + 1;
  years = g_new0 (guint, n_years);
  values = g_new0 (gint64, N_KINDS * n_years);
  not_known = g_new0 (guint, n_years);
  for (guint y = 0; y < n_years && report_ok (report); y++)
    {
      KlyngeDate day;
      KindCounts counts;

      years[y] = first_year + y;
      klynge_date_init (&day, years[y], 12, 31);
      count_kinds (report, &day, &counts);
      for (guint kind = 0; kind < N_KINDS; kind++)
        values[kind * n_years + y] = counts.active[kind];
      not_known[y] = counts.n_not_known;
    }
  for (guint kind = 0; kind < N_KINDS; kind++)
    series[kind] = kind_nick (kind);
  description = g_strdup_printf ("Stacked bars, one per year from %u to %u: the organisations active on "
                                 "31 December of the year, by kind. The table beside gives the numbers.",
                                 first_year, last_year);
  chart.description = description;
  chart.n_columns = n_years;
  chart.columns = years;
  chart.n_series = N_KINDS;
  chart.series = series;
  chart.values = values;
  chart.format = format_count;

  PUT (report, "<p>Organisations active on 31 December of each year; those whose status is not known that day "
               "(a partial or missing date) are counted apart.</p>\n<div class=\"chart\">\n");
  write_stacked_bars (report, &chart);
  PUT (report, "<table>\n<caption>Organisations active on 31 December</caption>\n<thead><tr><th>year</th>");
  for (guint kind = 0; kind < N_KINDS; kind++)
    {
      PUT (report, "<th class=\"n\">");
      put_text (report, series[kind]);
      PUT (report, "</th>");
    }
  PUT (report, "<th class=\"n\">total</th><th class=\"n\">not known</th></tr></thead>\n<tbody>\n");
  for (guint y = 0; y < n_years; y++)
    {
      gint64 sum = 0;

      _klynge_svg_printf (&report->out, "<tr><th>%u</th>", years[y]);
      for (guint kind = 0; kind < N_KINDS; kind++)
        {
          put_number_cell (report, values[kind * n_years + y]);
          sum += values[kind * n_years + y];
        }
      put_number_cell (report, sum);
      put_number_cell (report, not_known[y]);
      PUT (report, "</tr>\n");
    }
  PUT (report, "</tbody>\n</table>\n</div>\n</section>\n");
}

/* --- the consolidation ----------------------------------------------------------- */

#define N_MERGER_KINDS (KLYNGE_MERGER_KIND_RENAME + 1)

static int
compare_years (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* byte order: the same whatever the locale */
static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
write_events_table (Report *report)
{
  g_autoptr(GArray) years = g_array_new (FALSE, TRUE, sizeof (guint));
  g_autoptr(GHashTable) rows = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  guint totals[N_MERGER_KINDS + 1] = { 0 };

  for (guint i = 0; i < report->landscape->mergers->len; i++)
    {
      KlyngeMerger *merger = g_ptr_array_index (report->landscape->mergers, i);
      const KlyngeDate *effective = klynge_merger_get_effective (merger);
      guint kind = klynge_merger_get_kind (merger);
      guint *row;

      if (klynge_merger_get_status (merger) != KLYNGE_MERGER_STATUS_COMPLETED || !klynge_date_is_set (effective)
          || kind >= N_MERGER_KINDS)
        continue;
      row = g_hash_table_lookup (rows, GUINT_TO_POINTER (effective->year));
      if (row == NULL)
        {
          guint year = effective->year;

          row = g_new0 (guint, N_MERGER_KINDS + 1);
          g_hash_table_insert (rows, GUINT_TO_POINTER (year), row);
          g_array_append_val (years, year);
        }
      row[kind]++;
      totals[kind]++;
      for (const char * const *p = klynge_merger_get_predecessors (merger); *p != NULL; p++)
        if (klynge_merger_kind_consolidates (kind))
          {
            row[N_MERGER_KINDS]++;
            totals[N_MERGER_KINDS]++;
          }
    }
  g_array_sort (years, compare_years);

  PUT (report, "<table>\n<caption>Completed events per year</caption>\n<thead><tr><th>year</th>");
  for (guint kind = 0; kind < N_MERGER_KINDS; kind++)
    {
      PUT (report, "<th class=\"n\">");
      put_text (report, klynge_enum_to_nick (KLYNGE_TYPE_MERGER_KIND, (int) kind));
      PUT (report, "</th>");
    }
  PUT (report, "<th class=\"n\">bodies merged or absorbed</th></tr></thead>\n<tbody>\n");
  for (guint i = 0; i < years->len; i++)
    {
      guint year = g_array_index (years, guint, i);
      guint *row = g_hash_table_lookup (rows, GUINT_TO_POINTER (year));

      _klynge_svg_printf (&report->out, "<tr><th>%u</th>", year);
      for (guint k = 0; k <= N_MERGER_KINDS; k++)
        put_number_cell (report, row[k]);
      PUT (report, "</tr>\n");
    }
  PUT (report, "<tr><th>all</th>");
  for (guint k = 0; k <= N_MERGER_KINDS; k++)
    put_number_cell (report, totals[k]);
  PUT (report, "</tr>\n</tbody>\n</table>\n");
}

static void
write_consolidation (Report *report)
{
  guint n_organisations = report->landscape->organisations->len;
  gboolean all = n_organisations <= REPORT_ALL_BODIES_MAX;
  guint n_chosen, n_drawn;

  PUT (report, "<section id=\"consolidation\">\n<h2>The consolidation</h2>\n<p>");
  if (all)
    PUT (report, "Each organisation is a bar over its life, from its founding to its dissolution (an arrow where "
                 "it has not been dissolved; pale where its founding is not known), with the completed mergers, "
                 "absorptions, transfers and renames drawn between the bars at their effective dates.");
  else
    _klynge_svg_printf (&report->out, "The landscape has %u organisations, too many to draw: the picture shows "
                        "only the organisations a completed merger, absorption, transfer or rename names, each "
                        "a bar over its life, with the events drawn between the bars at their effective dates.",
                        n_organisations);
  PUT (report, "</p>\n<div class=\"chart\">\n<div class=\"scroll\">\n");
  n_chosen = _klynge_svg_lineage (&report->out, report->landscape,
                                  all ? KLYNGE_SVG_LINEAGE_ALL : KLYNGE_SVG_LINEAGE_MERGED, NULL,
                                  "chart-consolidation", FALSE, &n_drawn);
  PUT (report, "</div>\n");
  write_events_table (report);
  PUT (report, "</div>\n");
  if (n_drawn < n_chosen)
    _klynge_svg_printf (&report->out, "<p class=\"note\">Only the first %u of the %u organisations are drawn, "
                        "lineage by lineage; %u are left out.</p>\n", n_drawn, n_chosen, n_chosen - n_drawn);
  PUT (report, "</section>\n");
}

/* --- funding ---------------------------------------------------------------------- */

/* Funding sources in landscape order, then any a contract names that is
 * not one, as klynge summary lists them. */
static GPtrArray *
funding_source_ids (KlyngeLandscape *landscape,
                    GPtrArray       *totals)
{
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; i < landscape->funding_sources->len; i++)
    g_ptr_array_add (ids, (gpointer) klynge_record_get_id (g_ptr_array_index (landscape->funding_sources, i)));
  for (guint i = 0; i < totals->len; i++)
    {
      const char *source = klynge_funding_total_get_source (g_ptr_array_index (totals, i));

      if (source != NULL && !g_ptr_array_find_with_equal_func (ids, source, g_str_equal, NULL))
        g_ptr_array_add (ids, (gpointer) source);
    }
  return ids;
}

/* Per year, over the sources: what contracts record against an envelope
 * and what of the envelopes is left, stacked, so that each bar is as tall
 * as the envelope (or what was recorded, when more). Years without an
 * envelope are left out: nothing there is covered. */
static void
write_coverage_chart (Report    *report,
                      GPtrArray *rows)
{
  static const char * const series[] = { "recorded against an envelope", "envelope not recorded" };
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_autofree gint64 *envelopes = NULL;
  g_autofree char *description = NULL;
  StackedBars chart = { "chart-coverage", "Coverage of the envelopes per year", NULL };
  guint first_year = 0, last_year = 0, n_years;

  for (guint i = 0; i < rows->len; i++)
    {
      KlyngeCoverage *row = g_ptr_array_index (rows, i);
      guint year = klynge_coverage_get_year (row);

      if (klynge_coverage_get_envelope (row) <= 0)
        continue;
      first_year = first_year == 0 ? year : MIN (first_year, year);
      last_year = MAX (last_year, year);
    }
  if (first_year == 0)
    return;
  n_years = last_year - first_year + 1;
  g_array_set_size (values, 2 * n_years);
  envelopes = g_new0 (gint64, n_years);
  for (guint y = 0; y < n_years; y++)
    {
      guint year = first_year + y;
      g_array_append_val (years, year);
    }
  for (guint i = 0; i < rows->len; i++)
    {
      KlyngeCoverage *row = g_ptr_array_index (rows, i);

      if (klynge_coverage_get_envelope (row) <= 0)
        continue;
      add_amount (&g_array_index (values, gint64, klynge_coverage_get_year (row) - first_year),
                  klynge_coverage_get_recorded (row));
      add_amount (&envelopes[klynge_coverage_get_year (row) - first_year], klynge_coverage_get_envelope (row));
    }
  for (guint y = 0; y < n_years; y++)
    g_array_index (values, gint64, n_years + y) = MAX (envelopes[y] - g_array_index (values, gint64, y), 0);
  description = g_strdup_printf ("Stacked bars, one per calendar year from %u to %u with an envelope: what "
                                 "contracts naming a programme record against its envelopes, and what of the "
                                 "envelopes they leave, in DKK, summed over the funding sources. The table "
                                 "beside gives each source and year.", first_year, last_year);
  chart.description = description;
  chart.n_columns = n_years;
  chart.columns = (const guint *) years->data;
  chart.n_series = G_N_ELEMENTS (series);
  chart.series = series;
  chart.values = (const gint64 *) values->data;
  chart.format = format_money;
  write_stacked_bars (report, &chart);
}

static void
write_coverage (Report *report)
{
  static const Column columns[] = {
    { "source", FALSE }, { "year", FALSE }, { "envelope", TRUE }, { "recorded", TRUE }, { "coverage", TRUE },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = klynge_landscape_coverage (report->landscape, NULL, &error);

  PUT (report, "<h3>Coverage of the envelopes</h3>\n");
  if (rows == NULL)
    {
      PUT (report, "<p>Not shown: ");
      put_text (report, error->message);
      PUT (report, "</p>\n");
      return;
    }
  if (rows->len == 0)
    {
      PUT (report, "<p>No programme sets an envelope.</p>\n");
      return;
    }
  PUT (report, "<p>What the contracts that name a programme record against the programme’s envelopes, per "
               "source and calendar year (pro-rated by day).</p>\n<div class=\"chart\">\n");
  write_coverage_chart (report, rows);
  open_table (report, "Coverage of the envelopes", columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < rows->len; i++)
    {
      KlyngeCoverage *row = g_ptr_array_index (rows, i);
      g_autofree char *ratio = klynge_coverage_format_ratio (row);

      PUT (report, "<tr>");
      put_cell (report, "td", klynge_coverage_get_source (row));
      _klynge_svg_printf (&report->out, "<td>%u</td>", klynge_coverage_get_year (row));
      put_money_cell (report, klynge_coverage_get_envelope (row));
      put_money_cell (report, klynge_coverage_get_recorded (row));
      PUT (report, "<td class=\"n\">");
      if (ratio == NULL)
        PUT (report, "no envelope");
      else
        {
          if (klynge_coverage_get_n_unknown_amounts (row) > 0)
            PUT (report, "at least ");
          put_text (report, ratio);
        }
      PUT (report, "</td></tr>\n");
    }
  PUT (report, "</tbody>\n</table>\n</div>\n");
}

static void
write_funding (Report *report)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) grand = klynge_landscape_funding_totals_checked (report->landscape, 0, NULL, &error);
  g_autoptr(GPtrArray) totals = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GPtrArray) series = g_ptr_array_new_with_free_func (g_free);
  g_autofree guint *years = NULL;
  g_autofree gint64 *values = NULL;
  guint first_year = 0, last_year = 0, n_years, n_series;
  StackedBars chart = { "chart-funding", "Funding per source and year", NULL };
  g_autofree char *description = NULL;

  PUT (report, "<section id=\"funding\">\n<h2>Funding</h2>\n");
  if (grand == NULL)
    {
      PUT (report, "<p>Not shown: ");
      put_text (report, error->message);
      PUT (report, "</p>\n");
      write_coverage (report);
      PUT (report, "</section>\n");
      return;
    }
  totals = klynge_landscape_funding_totals (report->landscape, KLYNGE_FUNDING_BY_SOURCE | KLYNGE_FUNDING_BY_YEAR,
                                            NULL);
  if (totals->len == 0)
    {
      PUT (report, "<p>No contract has a period to count by year.</p>\n");
      write_coverage (report);
      PUT (report, "</section>\n");
      return;
    }
  ids = funding_source_ids (report->landscape, totals);
  for (guint i = 0; i < totals->len; i++)
    {
      guint year = klynge_funding_total_get_year (g_ptr_array_index (totals, i));

      first_year = first_year == 0 ? year : MIN (first_year, year);
      last_year = MAX (last_year, year);
    }
  n_years = last_year - first_year + 1;
  /* the first sources in their own colours, the rest together */
  n_series = MIN (ids->len, REPORT_MAX_SERIES + 1);
  years = g_new (guint, n_years);
  values = g_new0 (gint64, n_series * n_years);
  for (guint y = 0; y < n_years; y++)
    years[y] = first_year + y;
  for (guint s = 0; s < n_series; s++)
    g_ptr_array_add (series, s == REPORT_MAX_SERIES && ids->len > n_series
                     ? g_strdup_printf ("%u other sources", ids->len - REPORT_MAX_SERIES)
                     : g_strdup (g_ptr_array_index (ids, s)));
  for (guint i = 0; i < totals->len; i++)
    {
      KlyngeFundingTotal *total = g_ptr_array_index (totals, i);
      guint s;

      if (!g_ptr_array_find_with_equal_func (ids, klynge_funding_total_get_source (total), g_str_equal, &s))
        continue;
      s = MIN (s, n_series - 1);
      add_amount (&values[s * n_years + klynge_funding_total_get_year (total) - first_year],
                  klynge_funding_total_get_amount (total));
    }
  description = g_strdup_printf ("Stacked bars, one per calendar year from %u to %u: the funding each source "
                                 "paid that year (contracts pro-rated by day), in DKK. The table beside gives "
                                 "the amounts.", first_year, last_year);
  chart.description = description;
  chart.n_columns = n_years;
  chart.columns = years;
  chart.n_series = n_series;
  chart.series = (const char * const *) series->pdata;
  chart.values = values;
  chart.format = format_money;

  PUT (report, "<p>Funding per source and calendar year, contracts pro-rated by day (DKK). Grants of unknown "
               "amount add nothing.</p>\n<div class=\"chart\">\n");
  write_stacked_bars (report, &chart);
  write_stacked_table (report, &chart, "Funding per source and year (DKK)");
  PUT (report, "</div>\n");
  write_coverage (report);
  PUT (report, "</section>\n");
}

/* --- the national clusters ---------------------------------------------------------- */

typedef struct {
  guint n;
  guint n_unknown;
  gint64 amount;
} HolderContracts;

static GHashTable *
contracts_by_holder (KlyngeLandscape *landscape)
{
  GHashTable *holders = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; i < landscape->contracts->len; i++)
    {
      KlyngeContract *contract = g_ptr_array_index (landscape->contracts, i);
      const char *holder = klynge_contract_get_holder (contract);
      HolderContracts *row;

      if (holder == NULL)
        continue;
      row = g_hash_table_lookup (holders, holder);
      if (row == NULL)
        {
          row = g_new0 (HolderContracts, 1);
          g_hash_table_insert (holders, (gpointer) holder, row);
        }
      row->n++;
      if (klynge_contract_has_amount (contract))
        add_amount (&row->amount, klynge_contract_get_amount (contract));
      else
        row->n_unknown++;
    }
  return holders;
}

/* A region's name, or its code when it is not a known one. */
static const char *
region_name (const char *code)
{
  const char *name = klynge_region_is_known (code) ? klynge_region_get_name (code) : NULL;

  return name != NULL ? name : code;
}

static void
put_locations (Report             *report,
               KlyngeOrganisation *organisation)
{
  GPtrArray *locations = klynge_organisation_get_locations (organisation);

  for (guint i = 0; i < locations->len; i++)
    {
      KlyngeLocation *location = g_ptr_array_index (locations, i);
      const char *region = klynge_location_get_effective_region (location);

      if (i > 0)
        PUT (report, "; ");
      put_text (report, klynge_location_get_city (location));
      if (region != NULL)
        {
          PUT (report, " (");
          put_text (report, region_name (region));
          PUT (report, ")");
        }
    }
}

/* Clusters per region: a cluster with locations in several regions
 * counts in each. */
static void
write_regions (Report    *report,
               GPtrArray *clusters)
{
  static const Column columns[] = { { "region", FALSE }, { "clusters", TRUE } };
  g_autoptr(GPtrArray) regions = g_ptr_array_new ();
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *description = NULL;
  guint max = 0;
  int width = 560, height;

  for (guint i = 0; i < clusters->len; i++)
    {
      GPtrArray *locations = klynge_organisation_get_locations (g_ptr_array_index (clusters, i));
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint l = 0; l < locations->len; l++)
        {
          const char *region = klynge_location_get_effective_region (g_ptr_array_index (locations, l));
          guint n;

          if (region == NULL)
            region = "region not known";
          if (!g_hash_table_add (seen, (gpointer) region))
            continue;
          n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, region));
          if (n == 0)
            g_ptr_array_add (regions, (gpointer) region);
          g_hash_table_insert (counts, (gpointer) region, GUINT_TO_POINTER (n + 1));
          max = MAX (max, n + 1);
        }
    }
  if (regions->len == 0)
    return;
  g_ptr_array_sort (regions, compare_names);
  height = 10 + (int) regions->len * 22 + 10;
  description = g_strdup_printf ("Horizontal bars: the number of designated national clusters with a location "
                                 "in each of %u regions; a cluster in several regions counts in each.",
                                 regions->len);
  PUT (report, "<div class=\"chart\">\n");
  _klynge_svg_open (&report->out, "chart-regions", width, height, "National clusters per region", description,
                    FALSE);
  for (guint i = 0; i < regions->len; i++)
    {
      const char *region = g_ptr_array_index (regions, i);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, region));
      int y = 10 + (int) i * 22;
      int bar = (int) (n * 300 / max);
      char text[16];

      g_snprintf (text, sizeof text, "%u", n);
      _klynge_svg_text (&report->out, 200, y + 14, "end", region_name (region));
      _klynge_svg_rect (&report->out, 208, y + 3, bar, 14, _klynge_svg_colour (0), NULL);
      _klynge_svg_text (&report->out, 212 + bar, y + 14, "start", text);
    }
  _klynge_svg_close (&report->out);
  open_table (report, "National clusters per region", columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < regions->len; i++)
    {
      const char *region = g_ptr_array_index (regions, i);

      PUT (report, "<tr>");
      put_cell (report, "td", region_name (region));
      put_number_cell (report, GPOINTER_TO_UINT (g_hash_table_lookup (counts, region)));
      PUT (report, "</tr>\n");
    }
  PUT (report, "</tbody>\n</table>\n</div>\n");
}

static void
write_programmes (Report *report)
{
  static const Column columns[] = {
    { "id", FALSE }, { "name", FALSE }, { "kind", FALSE }, { "period", FALSE }, { "designations", TRUE },
    { "envelopes", TRUE },
  };

  if (report->landscape->programmes->len == 0)
    return;
  PUT (report, "<h3>Programmes</h3>\n");
  open_table (report, "Programmes", columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < report->landscape->programmes->len; i++)
    {
      KlyngeProgramme *programme = g_ptr_array_index (report->landscape->programmes, i);
      GPtrArray *envelopes = klynge_programme_get_envelopes (programme);
      const KlyngeDate *start = klynge_programme_get_start (programme);
      const KlyngeDate *end = klynge_programme_get_end (programme);
      g_autofree char *start_text = _klynge_date_text (start, "?");
      g_autofree char *end_text = _klynge_date_text (end, "");
      g_autofree char *period = g_strdup_printf ("%s – %s", start_text, end_text);
      gint64 amount = 0;

      for (guint e = 0; e < envelopes->len; e++)
        add_amount (&amount, klynge_envelope_get_amount (g_ptr_array_index (envelopes, e)));
      PUT (report, "<tr>");
      put_cell (report, "td", klynge_record_get_id (KLYNGE_RECORD (programme)));
      put_cell (report, "td", klynge_programme_get_name (programme));
      put_cell (report, "td", klynge_enum_to_nick (KLYNGE_TYPE_PROGRAMME_KIND, klynge_programme_get_kind (programme)));
      put_cell (report, "td", period);
      put_number_cell (report, klynge_programme_get_designations (programme)->len);
      put_money_cell (report, amount);
      PUT (report, "</tr>\n");
    }
  PUT (report, "</tbody>\n</table>\n");
}

static void
write_national_clusters (Report *report)
{
  static const Column columns[] = {
    { "id", FALSE }, { "name", FALSE }, { "area", FALSE }, { "programme", FALSE }, { "locations (region)", FALSE },
    { "contracts", TRUE }, { "amount", TRUE },
  };
  g_autoptr(GPtrArray) designations = g_ptr_array_new_with_free_func ((GDestroyNotify) klynge_designation_unref);
  g_autoptr(GPtrArray) clusters = designated_national_clusters (report->landscape, &report->date, designations);
  g_autoptr(GHashTable) contracts = contracts_by_holder (report->landscape);
  g_autofree char *date = klynge_date_to_string (&report->date);

  PUT (report, "<section id=\"national-clusters\">\n<h2>The national clusters</h2>\n");
  if (clusters->len == 0)
    {
      PUT (report, "<p>No national cluster is designated on ");
      put_text (report, date);
      PUT (report, ".</p>\n");
    }
  else
    {
      _klynge_svg_printf (&report->out, "<p>The %u national clusters designated on ", clusters->len);
      put_text (report, date);
      PUT (report, ", with the area and programme of their designation, where they are and the contracts "
                   "they hold (of any date).</p>\n");
      write_regions (report, clusters);
      open_table (report, "Designated national clusters", columns, G_N_ELEMENTS (columns));
      for (guint i = 0; i < clusters->len; i++)
        {
          KlyngeOrganisation *organisation = g_ptr_array_index (clusters, i);
          KlyngeDesignation *designation = g_ptr_array_index (designations, i);
          const char *id = klynge_record_get_id (KLYNGE_RECORD (organisation));
          HolderContracts *held = g_hash_table_lookup (contracts, id);

          PUT (report, "<tr>");
          put_cell (report, "td", id);
          put_cell (report, "td", klynge_organisation_get_name (organisation));
          put_cell (report, "td", klynge_designation_get_area (designation));
          put_cell (report, "td", klynge_designation_get_programme (designation));
          PUT (report, "<td>");
          put_locations (report, organisation);
          PUT (report, "</td>");
          put_number_cell (report, held != NULL ? held->n : 0);
          put_money_cell (report, held != NULL ? held->amount : 0);
          PUT (report, "</tr>\n");
        }
      PUT (report, "</tbody>\n</table>\n");
    }
  write_programmes (report);
  PUT (report, "</section>\n");
}

/* --- the whole ----------------------------------------------------------------------- */

static void
write_report (Report *report)
{
  write_head (report);
  write_title (report);
  if (report_ok (report))
    write_headline (report);
  if (report_ok (report))
    write_active_per_year (report);
  if (report_ok (report))
    write_consolidation (report);
  if (report_ok (report))
    write_funding (report);
  if (report_ok (report))
    write_national_clusters (report);
  PUT (report, "<footer><p class=\"note\">Written by klynge from the landscape’s records; every figure can be checked with <code>klynge summary</code>."
               "</p></footer>\n</body>\n</html>\n");
  report_ok (report);
}

static gboolean
report_finish (Report  *report,
               GError **error)
{
  g_free (report->first_stated);
  return _klynge_output_finish (&report->out, error);
}

static void
report_init (Report           *report,
             KlyngeLandscape  *self,
             const KlyngeDate *as_of)
{
  report->landscape = self;
  report->date_given = as_of != NULL;
  report->first_stated = g_new0 (guint32, MAX (self->organisations->len, 1));
  for (guint i = 0; i < self->organisations->len; i++)
    {
      KlyngeOrgEntry *entry = g_ptr_array_index (self->organisations, i);

      if (!klynge_date_is_set (klynge_organisation_get_founded (entry->organisation)))
        report->first_stated[i] = _klynge_landscape_first_stated_day (self, entry);
    }
  if (as_of != NULL)
    report->date = *as_of;
  else
    klynge_landscape_get_default_date (self, &report->date);
}

/**
 * klynge_landscape_write_report:
 * @self: a landscape
 * @as_of: (nullable): the date of the figures; %NULL for
 *   klynge_landscape_get_default_date()
 * @stream: where to write the report
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the landscape report (see the description of this section) to
 * @stream, which is left open.
 *
 * Returns: %TRUE on success; %FALSE with @error set to %KLYNGE_ERROR_IO
 *   when writing fails, or %G_IO_ERROR_CANCELLED; part of the report may
 *   have been written then
 */
gboolean
klynge_landscape_write_report (KlyngeLandscape   *self,
                               const KlyngeDate  *as_of,
                               GOutputStream     *stream,
                               GCancellable      *cancellable,
                               GError           **error)
{
  Report report;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), FALSE);
  g_return_val_if_fail (as_of == NULL || (klynge_date_is_set (as_of) && klynge_date_is_valid (as_of)), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  _klynge_output_init_stream (&report.out, stream, cancellable);
  report_init (&report, self, as_of);
  write_report (&report);
  return report_finish (&report, error);
}

/**
 * klynge_landscape_write_report_bytes:
 * @self: a landscape
 * @as_of: (nullable): the date of the figures; %NULL for
 *   klynge_landscape_get_default_date()
 * @error: return location for a #GError
 *
 * Like klynge_landscape_write_report(), in memory.
 *
 * Returns: (transfer full) (nullable): the report, or %NULL with @error set
 */
GBytes *
klynge_landscape_write_report_bytes (KlyngeLandscape   *self,
                                     const KlyngeDate  *as_of,
                                     GError           **error)
{
  GByteArray *array;
  Report report;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), NULL);
  g_return_val_if_fail (as_of == NULL || (klynge_date_is_set (as_of) && klynge_date_is_valid (as_of)), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  array = g_byte_array_new ();
  _klynge_output_init_bytes (&report.out, array);
  report_init (&report, self, as_of);
  write_report (&report);
  if (!report_finish (&report, error))
    {
      g_byte_array_unref (array);
      return NULL;
    }
  return g_byte_array_free_to_bytes (array);
}

/**
 * klynge_landscape_write_report_file:
 * @self: a landscape
 * @as_of: (nullable): the date of the figures; %NULL for
 *   klynge_landscape_get_default_date()
 * @path: (type filename): the file to write
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Like klynge_landscape_write_report(), to the file @path, all or nothing
 * as klynge_landscape_save_file() saves: through a temporary file beside
 * it, flushed to disk and renamed over @path. On any failure, cancellation
 * included, the temporary is removed and @path is as it was, or still
 * absent.
 *
 * Returns: %TRUE on success; %FALSE with @error set to %KLYNGE_ERROR_IO
 *   naming @path, or %G_IO_ERROR_CANCELLED
 */
gboolean
klynge_landscape_write_report_file (KlyngeLandscape   *self,
                                    const KlyngeDate  *as_of,
                                    const char        *path,
                                    GCancellable      *cancellable,
                                    GError           **error)
{
  KlyngeFileOutput *file;
  Report report;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), FALSE);
  g_return_val_if_fail (as_of == NULL || (klynge_date_is_set (as_of) && klynge_date_is_valid (as_of)), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  file = _klynge_file_output_open (path, &report.out, error);
  if (file == NULL)
    return FALSE;
  report.out.cancellable = cancellable;
  report_init (&report, self, as_of);
  write_report (&report);
  g_free (report.first_stated);
  return _klynge_file_output_commit (file, &report.out, error);
}

/**
 * klynge_landscape_lineage_to_svg:
 * @self: a landscape
 * @id: (nullable): an organisation's id, or %NULL for every organisation
 *   that a completed merger names
 *
 * The consolidation @id was part of as an SVG picture, drawn by the
 * library (no Graphviz needed): every organisation connected to @id
 * through completed mergers of any kind, in either direction and over
 * any number of steps, as in klynge_landscape_lineage_to_dot(), each a
 * horizontal bar over its life (founding to dissolution; an arrow when
 * it has not been dissolved, pale when its founding is not known), and
 * each merger a vertical line at its effective date from every
 * predecessor's bar to the successor's, ending in a dot: solid for a
 * merger, dashed for an absorption, dotted red for a transfer, thick blue
 * for a rename, with a legend. Lineages come one after another, each in
 * landscape order; at most 400 bars are drawn. The picture is a
 * standalone SVG document, the same bytes for the same landscape, with a
 * `<title>` and `<desc>` as its text alternative.
 *
 * Returns: (transfer full) (nullable): the SVG text; %NULL when @id is not
 *   an organisation of @self
 */
char *
klynge_landscape_lineage_to_svg (KlyngeLandscape *self,
                                 const char      *id)
{
  GByteArray *array;
  KlyngeOutput out;
  guint n_drawn;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), NULL);

  if (id != NULL && _klynge_landscape_get_org_entry (self, id) == NULL)
    return NULL;
  array = g_byte_array_new ();
  _klynge_output_init_bytes (&out, array);
  _klynge_svg_lineage (&out, self, id != NULL ? KLYNGE_SVG_LINEAGE_OF_ONE : KLYNGE_SVG_LINEAGE_MERGED, id,
                       "lineage", TRUE, &n_drawn);
  /* into memory nothing fails */
  _klynge_output_finish (&out, NULL);
  g_byte_array_append (array, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (array, FALSE);
}
