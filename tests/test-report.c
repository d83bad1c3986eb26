/* test-report.c: the landscape report and the lineage picture
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "klynge-test.h"

/* --- helpers ---------------------------------------------------------------- */

static GBytes *
report_of (KlyngeLandscape *landscape,
           const char      *as_of)
{
  g_autoptr(GError) error = NULL;
  KlyngeDate date = klynge_test_date (as_of);
  GBytes *bytes = klynge_landscape_write_report_bytes (landscape, as_of != NULL ? &date : NULL, &error);

  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (bytes);
  return bytes;
}

static char *
text_of (GBytes *bytes)
{
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static guint n_parse_errors;
static guint n_unknown_tags;

static void
count_parse_error (void        *data,
                   const xmlError *error)
{
  /* libxml2's HTML parser knows HTML 4 only: HTML5 elements (section,
   * data) and inline SVG are "unknown tags" to it, nothing worse */
  if (error->domain == XML_FROM_HTML && error->code == XML_HTML_UNKNOWN_TAG)
    n_unknown_tags++;
  else
    {
      n_parse_errors++;
      fprintf (stderr, "parse error %d at line %d: %s", error->code, error->line, error->message);
    }
}

/* Parses @text as XML (the report is XHTML syntax; the SVG an XML
 * document), asserting that there is no error. */
static xmlDoc *
parse_xml (const char *text)
{
  xmlDoc *doc;

  n_parse_errors = 0;
  xmlSetStructuredErrorFunc (NULL, (xmlStructuredErrorFunc) count_parse_error);
  doc = xmlReadMemory (text, (int) strlen (text), "report.html", "UTF-8", XML_PARSE_NONET);
  xmlSetStructuredErrorFunc (NULL, NULL);
  ck_assert_ptr_nonnull (doc);
  ck_assert_uint_eq (n_parse_errors, 0);
  return doc;
}

static void
assert_html_parses (const char *text)
{
  htmlDocPtr doc;

  n_parse_errors = 0;
  n_unknown_tags = 0;
  xmlSetStructuredErrorFunc (NULL, (xmlStructuredErrorFunc) count_parse_error);
  doc = htmlReadMemory (text, (int) strlen (text), "report.html", "UTF-8", HTML_PARSE_NONET);
  xmlSetStructuredErrorFunc (NULL, NULL);
  ck_assert_ptr_nonnull (doc);
  ck_assert_uint_eq (n_parse_errors, 0);
  xmlFreeDoc (doc);
}

static xmlXPathObject *
xpath (xmlDoc     *doc,
       const char *expression)
{
  xmlXPathContext *context = xmlXPathNewContext (doc);
  xmlXPathObject *result;

  xmlXPathRegisterNs (context, BAD_CAST "h", BAD_CAST "http://www.w3.org/1999/xhtml");
  xmlXPathRegisterNs (context, BAD_CAST "svg", BAD_CAST "http://www.w3.org/2000/svg");
  result = xmlXPathEvalExpression (BAD_CAST expression, context);
  xmlXPathFreeContext (context);
  ck_assert_ptr_nonnull (result);
  return result;
}

static guint
count_nodes (xmlDoc     *doc,
             const char *expression)
{
  xmlXPathObject *result = xpath (doc, expression);
  guint n = result->nodesetval != NULL ? (guint) result->nodesetval->nodeNr : 0;

  xmlXPathFreeObject (result);
  return n;
}

/* The value of the headline figure fig-@name; NULL when there is none. */
static char *
figure (xmlDoc     *doc,
        const char *name)
{
  g_autofree char *expression = g_strdup_printf ("//h:data[@class='figure'][@id='fig-%s']", name);
  xmlXPathObject *result = xpath (doc, expression);
  char *value = NULL;

  if (result->nodesetval != NULL && result->nodesetval->nodeNr == 1)
    {
      xmlChar *v = xmlGetProp (result->nodesetval->nodeTab[0], BAD_CAST "value");
      value = g_strdup ((const char *) v);
      xmlFree (v);
    }
  xmlXPathFreeObject (result);
  return value;
}

static void
assert_figure (xmlDoc     *doc,
               const char *name,
               guint       expected)
{
  g_autofree char *value = figure (doc, name);
  g_autofree char *want = g_strdup_printf ("%u", expected);

  ck_assert_msg (value != NULL, "no figure %s", name);
  ck_assert_msg (strcmp (value, want) == 0, "figure %s: %s, expected %s", name, value, want);
}

static KlyngeOrganisation *
add_organisation (KlyngeLandscape *landscape,
                  const char      *id,
                  const char      *founded,
                  const char      *dissolved)
{
  g_autoptr(KlyngeOrganisation) organisation = klynge_organisation_new (id, KLYNGE_ORGANISATION_KIND_CLUSTER, id);
  KlyngeDate f = klynge_test_date (founded), d = klynge_test_date (dissolved);

  ck_assert (klynge_organisation_set_founded (organisation, &f, NULL));
  ck_assert (klynge_organisation_set_dissolved (organisation, &d, NULL));
  ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (organisation), NULL));
  return organisation;
}

static void
add_merger (KlyngeLandscape  *landscape,
            const char       *id,
            KlyngeMergerKind  kind,
            const char       *successor,
            const char       *effective,
            const char       *predecessor)
{
  KlyngeDate date = klynge_test_date (effective);
  g_autoptr(KlyngeMerger) merger = klynge_merger_new (id, kind, successor, &date);

  klynge_merger_set_status (merger, KLYNGE_MERGER_STATUS_COMPLETED);
  ck_assert (klynge_merger_add_predecessor (merger, predecessor, NULL));
  ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (merger), NULL));
}

/* A landscape of @n organisations founded in 2001; the first 2 × @n_merged
 * of them in pairs, each first one renamed into the second in 2010. */
static KlyngeLandscape *
landscape_of (guint n,
              guint n_merged)
{
  KlyngeLandscape *landscape = klynge_landscape_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("o%u", i);
      gboolean predecessor = i < 2 * n_merged && i % 2 == 0;

      add_organisation (landscape, id, "2001", predecessor ? "2009-12-31" : NULL);
    }
  for (guint i = 0; i < n_merged; i++)
    {
      g_autofree char *id = g_strdup_printf ("m%u", i);
      g_autofree char *from = g_strdup_printf ("o%u", 2 * i);
      g_autofree char *to = g_strdup_printf ("o%u", 2 * i + 1);

      add_merger (landscape, id, KLYNGE_MERGER_KIND_RENAME, to, "2010-01-01", from);
    }
  return landscape;
}

/* --- the date ---------------------------------------------------------------- */

START_TEST (test_report_default_date_is_today_moved_into_the_span_of_the_data)
{
  static const struct {
    const char *founded;
    const char *dissolved;
    const char *expected;       /* NULL: today */
  } cases[] = {
    { "2001-03", "2003-06-15", "2003-06-15" },   /* all in the past: the last day */
    { "3001", "3002", "3001-01-01" },            /* all in the future: the first day */
    { "2001", "3000", NULL },                    /* today is inside */
    { NULL, NULL, NULL },                        /* no dates at all */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new ();
      KlyngeDate date, expected;

      add_organisation (landscape, "a", cases[i].founded, cases[i].dissolved);
      klynge_landscape_get_default_date (landscape, &date);
      if (cases[i].expected != NULL)
        expected = klynge_test_date (cases[i].expected);
      else
        klynge_date_init_today (&expected);
      ck_assert_msg (klynge_date_equal (&date, &expected), "case %u", i);
    }
}
END_TEST

START_TEST (test_report_date_span_is_the_first_and_last_day_in_the_data)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new ();
  KlyngeDate first, last, want_first = klynge_test_date ("2001-01-01"), want_last = klynge_test_date ("2010-12-31");

  ck_assert (!klynge_landscape_get_date_span (landscape, &first, &last));
  ck_assert (!klynge_date_is_set (&first) && !klynge_date_is_set (&last));
  add_organisation (landscape, "a", "2001", NULL);
  add_organisation (landscape, "b", "2005", "2010");
  ck_assert (klynge_landscape_get_date_span (landscape, &first, &last));
  ck_assert (klynge_date_equal (&first, &want_first));
  ck_assert (klynge_date_equal (&last, &want_last));
}
END_TEST

/* --- the page ------------------------------------------------------------------ */

START_TEST (test_report_is_the_same_bytes_every_time)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new_default ();
  g_autoptr(GBytes) first = report_of (landscape, "2021-06-30");
  g_autoptr(GBytes) second = report_of (landscape, "2021-06-30");
  g_autoptr(GBytes) by_default = report_of (landscape, NULL);
  g_autoptr(GBytes) by_default_again = report_of (landscape, NULL);

  ck_assert (g_bytes_equal (first, second));
  ck_assert (g_bytes_equal (by_default, by_default_again));
}
END_TEST

START_TEST (test_report_has_a_strict_policy_and_asks_for_nothing_from_elsewhere)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new_default ();
  g_autoptr(GBytes) bytes = report_of (landscape, NULL);
  g_autofree char *text = text_of (bytes);
  static const char * const namespaces[] = { "http://www.w3.org/2000/svg", "http://www.w3.org/1999/xhtml" };

  ck_assert_ptr_nonnull (strstr (text, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                                       "style-src 'unsafe-inline'"));
  ck_assert_ptr_nonnull (strstr (text, "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\""));
  ck_assert_ptr_nonnull (strstr (text, "<meta charset=\"utf-8\"/>"));
  ck_assert_ptr_null (strstr (text, "<script"));
  ck_assert_ptr_null (strstr (text, " href="));
  ck_assert_ptr_null (strstr (text, " src="));
  ck_assert_ptr_null (strstr (text, "url("));
  ck_assert_ptr_null (strstr (text, "@import"));
  ck_assert_ptr_null (strstr (text, "https://"));
  for (const char *p = strstr (text, "http://"); p != NULL; p = strstr (p + 1, "http://"))
    {
      gboolean known = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (namespaces); i++)
        known |= g_str_has_prefix (p, namespaces[i]);
      ck_assert_msg (known, "an address in the report: %.40s", p);
    }
}
END_TEST

START_TEST (test_report_is_well_formed_xml_and_html)
{
  static const char * const dates[] = { NULL, "2005", "2019-12-31" };
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new_default ();
  g_autoptr(KlyngeLandscape) empty = klynge_landscape_new ();

  for (guint i = 0; i <= G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(GBytes) bytes = i < G_N_ELEMENTS (dates) ? report_of (landscape, dates[i]) : report_of (empty, NULL);
      g_autofree char *text = text_of (bytes);

      xmlFreeDoc (parse_xml (text));
      assert_html_parses (text);
    }
}
END_TEST

START_TEST (test_report_every_chart_is_an_image_with_a_text_alternative_and_a_table)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new_default ();
  g_autoptr(GBytes) bytes = report_of (landscape, "2024-12-31");
  g_autofree char *text = text_of (bytes);
  xmlDoc *doc = parse_xml (text);
  guint n_charts = count_nodes (doc, "//svg:svg");

  /* active per year, consolidation, funding, coverage, clusters per region */
  ck_assert_uint_eq (n_charts, 5);
  ck_assert_uint_eq (count_nodes (doc, "//svg:svg[@role='img'][svg:title[normalize-space()]]"
                                       "[svg:desc[normalize-space()]]"), n_charts);
  /* each chart's numbers in a table beside it */
  ck_assert_uint_eq (count_nodes (doc, "//h:div[@class='chart'][.//svg:svg][h:table]"), n_charts);
  ck_assert_uint_eq (count_nodes (doc, "//h:section[@id='headline' or @id='active' or @id='consolidation' "
                                       "or @id='funding' or @id='national-clusters']"), 5);
  ck_assert_uint_eq (count_nodes (doc, "/h:html[@lang='en']/h:head/h:title[normalize-space()]"), 1);
  xmlFreeDoc (doc);
}
END_TEST

/* The figures as klynge summary counts them, through the public API. */
static void
assert_headline_figures_on (KlyngeLandscape *landscape,
                            const char      *as_of)
{
  g_autoptr(GBytes) bytes = report_of (landscape, as_of);
  g_autofree char *text = text_of (bytes);
  xmlDoc *doc = parse_xml (text);
  KlyngeDate date = klynge_test_date (as_of);
  g_autoptr(KlyngeFilter) filter = klynge_filter_new ();
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(KlyngeDesignationFilter) on_date = klynge_designation_filter_new ();
  g_autoptr(GPtrArray) designations = NULL;
  g_autoptr(GHashTable) designated = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) grand = klynge_landscape_funding_totals (landscape, 0, NULL);
  g_autofree char *funding = NULL;
  g_autofree char *expected_funding = NULL;
  GEnumClass *kinds = g_type_class_ref (KLYNGE_TYPE_ORGANISATION_KIND);
  guint active_total = 0, not_known_total = 0;

  klynge_filter_set_active_on (filter, &date);
  klynge_filter_set_include_not_known (filter, TRUE);
  listed = klynge_landscape_list_organisations (landscape, filter);
  for (guint k = 0; k < kinds->n_values; k++)
    {
      g_autofree char *active_name = g_strconcat ("active-", kinds->values[k].value_nick, NULL);
      g_autofree char *not_known_name = g_strconcat ("not-known-", kinds->values[k].value_nick, NULL);
      guint active = 0, not_known = 0;

      for (guint i = 0; i < listed->len; i++)
        {
          KlyngeOrganisation *organisation = g_ptr_array_index (listed, i);

          if ((int) klynge_organisation_get_kind (organisation) != kinds->values[k].value)
            continue;
          if (klynge_landscape_get_status (landscape, klynge_record_get_id (KLYNGE_RECORD (organisation)), &date,
                                           NULL) == KLYNGE_ORGANISATION_STATUS_ACTIVE)
            active++;
          else
            not_known++;
        }
      assert_figure (doc, active_name, active);
      assert_figure (doc, not_known_name, not_known);
      active_total += active;
      not_known_total += not_known;
    }
  assert_figure (doc, "active-total", active_total);
  assert_figure (doc, "not-known-total", not_known_total);

  klynge_designation_filter_set_active_on (on_date, &date);
  klynge_designation_filter_set_role (on_date, KLYNGE_DESIGNATION_ROLE_NATIONAL_CLUSTER);
  designations = klynge_landscape_designations (landscape, on_date);
  for (guint i = 0; i < designations->len; i++)
    {
      const char *id = klynge_designation_get_organisation (g_ptr_array_index (designations, i));

      if (klynge_landscape_get_status (landscape, id, &date, NULL) == KLYNGE_ORGANISATION_STATUS_ACTIVE)
        g_hash_table_add (designated, (gpointer) id);
    }
  assert_figure (doc, "designated", g_hash_table_size (designated));

  funding = figure (doc, "funding-total");
  expected_funding = klynge_money_to_string (klynge_funding_total_get_amount (g_ptr_array_index (grand, 0)), 2);
  ck_assert_str_eq (funding, expected_funding);
  {
    g_autofree char *shown = figure (doc, "as-of");
    g_autofree char *want = klynge_date_to_string (&date);
    ck_assert_str_eq (shown, want);
  }
  g_type_class_unref (kinds);
  xmlFreeDoc (doc);
}

START_TEST (test_report_headline_figures_are_those_of_the_public_api_on_the_date)
{
  static const char * const dates[] = { "2008-06-30", "2014", "2019-12-31", "2021-01-01", "2024-12-31" };
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new_default ();

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    assert_headline_figures_on (landscape, dates[i]);
}
END_TEST

START_TEST (test_report_as_of_changes_the_figures)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new_default ();
  g_autoptr(GBytes) early = report_of (landscape, "2010-12-31");
  g_autoptr(GBytes) late = report_of (landscape, "2024-12-31");
  g_autofree char *early_text = text_of (early);
  g_autofree char *late_text = text_of (late);
  xmlDoc *early_doc = parse_xml (early_text);
  xmlDoc *late_doc = parse_xml (late_text);
  g_autofree char *early_designated = figure (early_doc, "designated");
  g_autofree char *late_designated = figure (late_doc, "designated");
  g_autofree char *early_active = figure (early_doc, "active-cluster");
  g_autofree char *late_active = figure (late_doc, "active-cluster");

  ck_assert_str_ne (early_designated, late_designated);
  ck_assert_str_ne (early_active, late_active);
  xmlFreeDoc (early_doc);
  xmlFreeDoc (late_doc);
}
END_TEST

START_TEST (test_report_says_not_known_for_members_a_landscape_does_not_record)
{
  g_autoptr(KlyngeLandscape) landscape = landscape_of (3, 0);
  g_autoptr(GBytes) bytes = report_of (landscape, "2005");
  g_autofree char *text = text_of (bytes);
  xmlDoc *doc = parse_xml (text);
  g_autofree char *members = figure (doc, "members");
  g_autofree char *memberships = figure (doc, "memberships");

  ck_assert_str_eq (members, "not known");
  ck_assert_str_eq (memberships, "not known");
  xmlFreeDoc (doc);
}
END_TEST

START_TEST (test_report_of_an_empty_landscape_is_a_valid_page_of_zeros)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new ();
  g_autoptr(GBytes) bytes = report_of (landscape, "2020");
  g_autofree char *text = text_of (bytes);
  xmlDoc *doc = parse_xml (text);

  assert_figure (doc, "designated", 0);
  assert_figure (doc, "active-total", 0);
  assert_figure (doc, "not-known-total", 0);
  ck_assert_uint_eq (count_nodes (doc, "//h:section"), 5);
  xmlFreeDoc (doc);
}
END_TEST

/* Amounts at the top of the range load, so the report's sums of them
 * must neither overflow (undefined behaviour, which UBSan stops) nor
 * break the page. */
START_TEST (test_report_of_amounts_at_the_top_of_the_range_is_a_valid_page)
{
  g_autofree char *path = klynge_test_path ("tests/data/valid/programmes.xml");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) huge = NULL;
  g_autoptr(GBytes) input = NULL;
  g_autoptr(KlyngeLandscape) landscape = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;

  ck_assert (g_file_get_contents (path, &contents, NULL, &error));
  huge = g_string_new (contents);
  g_string_replace (huge, "amount=\"60000000.00\"", "amount=\"92233720368547758.07\"", 0);
  g_string_replace (huge, "amount=\"4000000.00\"", "amount=\"92233720368547758.07\"", 0);
  g_string_replace (huge, "amount=\"3000000.00\"", "amount=\"92233720368547758.07\"", 0);
  input = g_string_free_to_bytes (g_steal_pointer (&huge));
  landscape = klynge_landscape_load_bytes (input, "huge.xml", NULL, &error);
  ck_assert_no_error (error);

  bytes = report_of (landscape, "2022");
  text = text_of (bytes);
  xmlFreeDoc (parse_xml (text));
}
END_TEST

/* The coverage table shows each ratio as klynge_coverage_format_ratio()
 * writes it, with its per cent sign once. */
START_TEST (test_report_coverage_cells_show_the_ratio_with_one_per_cent_sign)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new_default ();
  g_autoptr(GBytes) bytes = report_of (landscape, NULL);
  g_autofree char *text = text_of (bytes);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = klynge_landscape_coverage (landscape, NULL, &error);
  guint n_checked = 0;

  ck_assert_no_error (error);
  ck_assert_ptr_null (strstr (text, "% %"));
  for (guint i = 0; i < rows->len; i++)
    {
      g_autofree char *ratio = klynge_coverage_format_ratio (g_ptr_array_index (rows, i));
      g_autofree char *cell = NULL;

      if (ratio == NULL)
        continue;
      cell = g_strdup_printf (">%s</td>", ratio);
      ck_assert_msg (strstr (text, cell) != NULL, "no cell %s", cell);
      n_checked++;
    }
  ck_assert_uint_gt (n_checked, 0);
}
END_TEST

/* --- the consolidation picture in the report --------------------------------------- */

static guint
count_bars (xmlDoc *doc)
{
  /* a body's bar is a group with a tooltip and a rect */
  return count_nodes (doc, "//svg:svg[@aria-labelledby='chart-consolidation-title chart-consolidation-desc']"
                           "/svg:g[svg:rect]");
}

/* Every body of a small landscape; above 200 organisations only those a
 * merger names, and never more than 400, saying so. */
START_TEST (test_report_consolidation_picture_draws_what_fits_and_says_what_it_leaves_out)
{
  static const struct {
    guint n;
    guint n_merged;             /* pairs */
    guint bars;
    const char *said;           /* NULL: neither note */
  } cases[] = {
    { 50, 5, 50, NULL },
    { 200, 5, 200, NULL },
    { 300, 20, 40, "The landscape has 300 organisations, too many to draw" },
    { 1200, 600, 400, "Only the first 400 of the 1200 organisations are drawn" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KlyngeLandscape) landscape = landscape_of (cases[i].n, cases[i].n_merged);
      g_autoptr(GBytes) bytes = report_of (landscape, "2012");
      g_autofree char *text = text_of (bytes);
      xmlDoc *doc = parse_xml (text);

      ck_assert_msg (count_bars (doc) == cases[i].bars, "case %u: %u bars", i, count_bars (doc));
      if (cases[i].said != NULL)
        ck_assert_msg (strstr (text, cases[i].said) != NULL, "case %u", i);
      else
        ck_assert (strstr (text, "too many to draw") == NULL && strstr (text, "Only the first") == NULL);
      xmlFreeDoc (doc);
    }
}
END_TEST

/* --- streams, files and failures -------------------------------------------------- */

START_TEST (test_report_to_a_stream_and_to_a_file_equals_the_report_in_memory)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new_default ();
  KlyngeDate date = klynge_test_date ("2020-06-30");
  g_autoptr(GBytes) expected = report_of (landscape, "2020-06-30");
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) streamed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("klynge-report-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.html", NULL);

  ck_assert (klynge_landscape_write_report (landscape, &date, stream, NULL, &error));
  ck_assert_no_error (error);
  ck_assert (g_output_stream_close (stream, NULL, NULL));
  streamed = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  ck_assert (g_bytes_equal (streamed, expected));

  ck_assert (klynge_landscape_write_report_file (landscape, &date, path, NULL, &error));
  ck_assert_no_error (error);
  klynge_test_assert_file_holds (path, expected);
  g_unlink (path);
  ck_assert_int_eq (g_rmdir (dir), 0);
}
END_TEST

START_TEST (test_report_cancelled_is_g_io_error_cancelled_and_leaves_no_file)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new_default ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("klynge-report-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.html", NULL);

  g_cancellable_cancel (cancellable);
  ck_assert (!klynge_landscape_write_report (landscape, NULL, stream, cancellable, &error));
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  g_clear_error (&error);
  ck_assert (!klynge_landscape_write_report_file (landscape, NULL, path, cancellable, &error));
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  ck_assert (!g_file_test (path, G_FILE_TEST_EXISTS));
  ck_assert_int_eq (g_rmdir (dir), 0);
}
END_TEST

START_TEST (test_report_to_a_path_that_cannot_be_written_is_an_io_error)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new_default ();
  g_autofree char *dir = g_dir_make_tmp ("klynge-report-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-directory", "report.html", NULL);
  const char *paths[] = { dir, missing, "/dev/null" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;

      ck_assert (!klynge_landscape_write_report_file (landscape, NULL, paths[i], NULL, &error));
      ck_assert_msg (error != NULL && strstr (error->message, paths[i]) != NULL, "%s", paths[i]);
      ck_assert_klynge_error (error, KLYNGE_ERROR_IO);
    }
  ck_assert_int_eq (g_rmdir (dir), 0);
}
END_TEST

/* --- the lineage picture ---------------------------------------------------------------- */

START_TEST (test_lineage_svg_is_an_svg_document_of_the_lineage)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new_default ();
  g_autofree char *svg = klynge_landscape_lineage_to_svg (landscape, "ecd");
  g_autofree char *again = klynge_landscape_lineage_to_svg (landscape, "ecd");
  g_autoptr(GPtrArray) ancestors = klynge_landscape_list_ancestors (landscape, "ecd");
  xmlDoc *doc;

  ck_assert_ptr_nonnull (svg);
  ck_assert_str_eq (svg, again);
  doc = parse_xml (svg);
  ck_assert_uint_eq (count_nodes (doc, "/svg:svg[@role='img'][svg:title][svg:desc]"), 1);
  ck_assert_uint_gt (ancestors->len, 0);
  /* the organisation and every predecessor, each a bar with its name */
  for (guint i = 0; i < ancestors->len; i++)
    {
      const char *id = klynge_lineage_link_get_organisation (g_ptr_array_index (ancestors, i));
      KlyngeOrganisation *organisation = KLYNGE_ORGANISATION (klynge_landscape_lookup (landscape, id));
      g_autofree char *expression = g_strdup_printf ("//svg:g[svg:rect]/svg:title[starts-with(., '%s (%s)')]",
                                                     klynge_organisation_get_name (organisation), id);

      ck_assert_msg (count_nodes (doc, expression) == 1, "%s", id);
    }
  xmlFreeDoc (doc);
}
END_TEST

START_TEST (test_lineage_svg_of_every_lineage_draws_each_organisation_a_merger_names)
{
  g_autoptr(KlyngeLandscape) landscape = landscape_of (30, 4);
  g_autofree char *svg = klynge_landscape_lineage_to_svg (landscape, NULL);
  g_autofree char *one = klynge_landscape_lineage_to_svg (landscape, "o3");
  xmlDoc *doc = parse_xml (svg);
  xmlDoc *one_doc = parse_xml (one);

  ck_assert_uint_eq (count_nodes (doc, "/svg:svg/svg:g[svg:rect]"), 8);
  /* a merger's line for each predecessor */
  ck_assert_uint_eq (count_nodes (doc, "/svg:svg/svg:g[svg:line]"), 4);
  ck_assert_uint_eq (count_nodes (one_doc, "/svg:svg/svg:g[svg:rect]"), 2);
  ck_assert_uint_eq (count_nodes (one_doc, "/svg:svg/svg:g[svg:line]"), 1);
  xmlFreeDoc (doc);
  xmlFreeDoc (one_doc);
}
END_TEST

START_TEST (test_lineage_svg_of_what_is_not_an_organisation_is_null)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new_default ();

  ck_assert_ptr_null (klynge_landscape_lineage_to_svg (landscape, "no-such-organisation"));
  ck_assert_ptr_null (klynge_landscape_lineage_to_svg (landscape, "merger-2020-ecd"));
}
END_TEST

static Suite *
report_suite (void)
{
  Suite *s = suite_create ("report");
  TCase *tc = tcase_create ("core");

  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_report_default_date_is_today_moved_into_the_span_of_the_data);
  tcase_add_test (tc, test_report_date_span_is_the_first_and_last_day_in_the_data);
  tcase_add_test (tc, test_report_is_the_same_bytes_every_time);
  tcase_add_test (tc, test_report_has_a_strict_policy_and_asks_for_nothing_from_elsewhere);
  tcase_add_test (tc, test_report_is_well_formed_xml_and_html);
  tcase_add_test (tc, test_report_every_chart_is_an_image_with_a_text_alternative_and_a_table);
  tcase_add_test (tc, test_report_headline_figures_are_those_of_the_public_api_on_the_date);
  tcase_add_test (tc, test_report_as_of_changes_the_figures);
  tcase_add_test (tc, test_report_says_not_known_for_members_a_landscape_does_not_record);
  tcase_add_test (tc, test_report_of_an_empty_landscape_is_a_valid_page_of_zeros);
  tcase_add_test (tc, test_report_of_amounts_at_the_top_of_the_range_is_a_valid_page);
  tcase_add_test (tc, test_report_coverage_cells_show_the_ratio_with_one_per_cent_sign);
  tcase_add_test (tc, test_report_consolidation_picture_draws_what_fits_and_says_what_it_leaves_out);
  tcase_add_test (tc, test_report_to_a_stream_and_to_a_file_equals_the_report_in_memory);
  tcase_add_test (tc, test_report_cancelled_is_g_io_error_cancelled_and_leaves_no_file);
  tcase_add_test (tc, test_report_to_a_path_that_cannot_be_written_is_an_io_error);
  tcase_add_test (tc, test_lineage_svg_is_an_svg_document_of_the_lineage);
  tcase_add_test (tc, test_lineage_svg_of_every_lineage_draws_each_organisation_a_merger_names);
  tcase_add_test (tc, test_lineage_svg_of_what_is_not_an_organisation_is_null);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return klynge_test_run (report_suite ());
}
