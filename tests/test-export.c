/* test-export.c: the CSV, GraphML and GEXF exports
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <glib/gstdio.h>

#include "klynge-test.h"
#include "klynge-test-faults.h"
#include "klynge-tables-private.h"

/* A small synthetic landscape with every kind of record and the values
 * that need care in CSV: commas, quotes, line breaks, partial dates. */
static const char small_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<landscape xmlns=\"urn:klynge:landscape:1\" version=\"1\">\n"
  "  <funding-sources>\n"
  "    <funding-source id=\"siu\" kind=\"national-agency\">\n"
  "      <name>Styrelsen for Institutioner og Uddannelsesstøtte</name>\n"
  "      <parent>Uddannelses- og Forskningsministeriet</parent>\n"
  "    </funding-source>\n"
  "    <funding-source id=\"es\" kind=\"national-agency\"><name>Erhvervsstyrelsen</name></funding-source>\n"
  "  </funding-sources>\n"
  "  <members>\n"
  "    <member id=\"m-1\" cvr=\"13748136\" kind=\"company\" size=\"sme\"><name>Eksempel, \"Test\" &amp; Co ApS</name></member>\n"
  "    <member id=\"m-2\" kind=\"knowledge-institution\"><name>Et Universitet</name>"
  "<source href=\"https://example.org/m2\" accessed=\"2026-11-27\"/></member>\n"
  "  </members>\n"
  "  <organisations>\n"
  "    <organisation id=\"ced\" kind=\"support-body\" founded=\"2014\">\n"
  "      <name>Support Body</name>\n"
  "      <location city=\"Lemvig\" address=\"Havnen 66\" role=\"secretariat\"/>\n"
  "      <location city=\"København V\"/>\n"
  "    </organisation>\n"
  "    <organisation id=\"a\" kind=\"cluster\" founded=\"2014-05-09\" dissolved=\"2020-06-30\" cvr=\"24256790\">\n"
  "      <name>Klynge A</name>\n"
  "      <name-en>Cluster A</name-en>\n"
  "      <website>https://a.example</website>\n"
  "      <location city=\"Aalborg\" role=\"secretariat\"/>\n"
  "      <focus-area>energy</focus-area>\n"
  "      <focus-area>water, climate</focus-area>\n"
  "      <label level=\"gold\" awarded=\"2019-07\" valid-until=\"2021-07\"/>\n"
  "      <membership member=\"m-1\" since=\"2019-10-01\"/>\n"
  "      <membership member=\"m-2\" since=\"2015\" until=\"2019-12-31\"/>\n"
  "      <membership member=\"m-2\" since=\"2020-03\"/>\n"
  "      <source href=\"https://example.org/a\" accessed=\"2026-11-27\"/>\n"
  "      <source href=\"https://example.org/a2\"/>\n"
  "      <note>Line one\nline \"two\"</note>\n"
  "    </organisation>\n"
  "    <organisation id=\"b\" kind=\"cluster\" founded=\"2015\" dissolved=\"2020-06-30\"><name>Klynge B</name></organisation>\n"
  "    <organisation id=\"ab\" kind=\"cluster\" founded=\"2020-07-01\"><name>Klynge AB</name>"
  "<membership member=\"m-1\" since=\"2020-07-01\"/></organisation>\n"
  "  </organisations>\n"
  "  <contracts>\n"
  "    <contract id=\"ced-2019\" holder=\"ced\" start=\"2019-10-01\" end=\"2021-09-30\" amount=\"8000000\">\n"
  "      <share source=\"siu\" percent=\"50\"/>\n"
  "      <share source=\"es\" percent=\"50.00\"/>\n"
  "    </contract>\n"
  "    <contract id=\"ced-2021\" holder=\"ced\" start=\"2021-10\" end=\"2022-09-30\" amount=\"4000000.5\" renews=\"ced-2019\">\n"
  "      <share source=\"siu\" percent=\"33.34\"/>\n"
  "      <share source=\"es\" percent=\"66.66\"/>\n"
  "    </contract>\n"
  "  </contracts>\n"
  "  <mergers>\n"
  "    <merger id=\"m2020\" effective=\"2020-07-01\" successor=\"ab\" kind=\"merger\" status=\"completed\">\n"
  "      <predecessor ref=\"a\"/><predecessor ref=\"b\"/>\n"
  "    </merger>\n"
  "  </mergers>\n"
  "  <initiatives>\n"
  "    <initiative id=\"camp\" kind=\"event\" theme=\"professionalisation\" host=\"ced\" start=\"2019\">\n"
  "      <title>Innovation Camp</title>\n"
  "    </initiative>\n"
  "    <initiative id=\"summit\" kind=\"event\" theme=\"professionalisation\" host=\"ced\" start=\"2020\" replaces=\"camp\">\n"
  "      <title>Summit</title>\n"
  "      <participant ref=\"a\"/><participant ref=\"ab\"/>\n"
  "    </initiative>\n"
  "  </initiatives>\n"
  "</landscape>\n";

static KlyngeLandscape *
load_xml (const char *xml)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
  g_autoptr(GError) error = NULL;
  KlyngeLandscape *landscape = klynge_landscape_load_bytes (bytes, "small.xml", NULL, &error);

  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (landscape);
  return landscape;
}

static char *
csv_of (KlyngeLandscape *landscape,
        const char      *kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = klynge_landscape_export_csv_bytes (landscape, kind, &error);
  gsize size;
  const char *data;

  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (bytes);
  data = g_bytes_get_data (bytes, &size);
  return g_strndup (data, size);
}

static void
assert_csv_of (const char *xml,
               const char *kind,
               const char *expected)
{
  g_autoptr(KlyngeLandscape) landscape = load_xml (xml);
  g_autofree char *text = csv_of (landscape, kind);

  ck_assert_str_eq (text, expected);
}

static void
assert_csv (const char *kind,
            const char *expected)
{
  assert_csv_of (small_xml, kind, expected);
}

/* --- CSV: the tables ---------------------------------------------------- */

START_TEST (test_csv_kinds_are_listed_in_a_stable_order)
{
  const char * const *kinds = klynge_landscape_export_csv_kinds ();
  static const char * const expected[] = {
    "organisation", "member", "membership", "funding-source", "contract", "share",
    "programme", "envelope", "designation", "merger", "initiative", "location",
    "focus-area", "label", "predecessor", "participant", "source", "identifier", NULL
  };

  ck_assert_uint_eq (g_strv_length ((char **) kinds), G_N_ELEMENTS (expected) - 1);
  for (guint i = 0; expected[i] != NULL; i++)
    ck_assert_str_eq (kinds[i], expected[i]);
}
END_TEST

START_TEST (test_csv_organisation_table_quotes_commas_quotes_and_line_breaks)
{
  g_autoptr(KlyngeLandscape) landscape = load_xml (small_xml);
  g_autofree char *text = NULL;
  KlyngeDate known_until;

  /* stated here rather than in small_xml, which stays a version 1 document:
   * an unstated list is an empty field, as the XML leaves it out, and a
   * stated "unknown" is written */
  klynge_organisation_set_member_list (KLYNGE_ORGANISATION (klynge_landscape_lookup (landscape, "a")),
                                       KLYNGE_MEMBER_LIST_COMPLETE);
  klynge_organisation_set_member_list (KLYNGE_ORGANISATION (klynge_landscape_lookup (landscape, "b")),
                                       KLYNGE_MEMBER_LIST_PARTIAL);
  klynge_organisation_set_member_list (KLYNGE_ORGANISATION (klynge_landscape_lookup (landscape, "ab")),
                                       KLYNGE_MEMBER_LIST_UNKNOWN);
  ck_assert (klynge_date_parse ("2023-06", &known_until, NULL));
  ck_assert (klynge_organisation_set_known_until (KLYNGE_ORGANISATION (klynge_landscape_lookup (landscape, "ab")),
                                                  &known_until, NULL));
  text = csv_of (landscape, "organisation");
  ck_assert_str_eq (text,
              "id,kind,founded,founded_precision,dissolved,dissolved_precision,known_until,known_until_precision,"
              "cvr,member_list,name,name_en,website,cities,focus_areas,sources,note\r\n"
              "ced,support-body,2014-01-01,year,,,,,,,Support Body,,,Lemvig|København V,,,\r\n"
              "a,cluster,2014-05-09,day,2020-06-30,day,,,24256790,complete,Klynge A,Cluster A,https://a.example,Aalborg,"
              "\"energy|water, climate\",https://example.org/a|https://example.org/a2,"
              "\"Line one\nline \"\"two\"\"\"\r\n"
              "b,cluster,2015-01-01,year,2020-06-30,day,,,,partial,Klynge B,,,,,,\r\n"
              "ab,cluster,2020-07-01,day,,,2023-06-01,month,,unknown,Klynge AB,,,,,,\r\n");
}
END_TEST

START_TEST (test_csv_member_table_has_cvr_kind_size_and_quoted_names)
{
  assert_csv ("member",
              "id,cvr,kind,size,name,sources,note\r\n"
              "m-1,13748136,company,sme,\"Eksempel, \"\"Test\"\" & Co ApS\",,\r\n"
              "m-2,,knowledge-institution,,Et Universitet,https://example.org/m2,\r\n");
}
END_TEST

START_TEST (test_csv_membership_dates_are_first_days_with_their_precision)
{
  assert_csv ("membership",
              "organisation,member,since,since_precision,until,until_precision,role,end\r\n"
              "a,m-1,2019-10-01,day,,,member,\r\n"
              "a,m-2,2015-01-01,year,2019-12-31,day,member,\r\n"
              "a,m-2,2020-03-01,month,,,member,\r\n"
              "ab,m-1,2020-07-01,day,,,member,\r\n");
}
END_TEST

START_TEST (test_csv_membership_has_role_and_end_reason)
{
  g_autoptr(KlyngeLandscape) landscape = load_xml (small_xml);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  KlyngeDate since = klynge_test_date ("2016"), until = klynge_test_date ("2017-06-30");

  ck_assert (klynge_landscape_add_membership_full (landscape, "b", "m-1", &since, &until,
                                                   KLYNGE_MEMBERSHIP_ROLE_PARTICIPANT,
                                                   KLYNGE_MEMBERSHIP_END_LEFT, &error));
  ck_assert (klynge_landscape_add_membership_full (landscape, "b", "m-2", &since, NULL,
                                                   KLYNGE_MEMBERSHIP_ROLE_PARTNER,
                                                   KLYNGE_MEMBERSHIP_END_NONE, &error));
  ck_assert_no_error (error);
  text = csv_of (landscape, "membership");
  /* end "none" is the empty field */
  ck_assert_msg (strstr (text, "\r\nb,m-1,2016-01-01,year,2017-06-30,day,participant,left\r\n"
                               "b,m-2,2016-01-01,year,,,partner,\r\n") != NULL, "%s", text);
}
END_TEST

START_TEST (test_csv_funding_source_table)
{
  assert_csv ("funding-source",
              "id,kind,name,parent,sources,note\r\n"
              "siu,national-agency,Styrelsen for Institutioner og Uddannelsesstøtte,"
              "Uddannelses- og Forskningsministeriet,,\r\n"
              "es,national-agency,Erhvervsstyrelsen,,,\r\n");
}
END_TEST

/* amount="8000000" and amount="4000000.5": whole øre, and beside them
 * the decimals the XML wrote them with when that was not two */
START_TEST (test_csv_amounts_are_whole_numbers_of_ore_with_the_decimals_they_were_written_with)
{
  assert_csv ("contract",
              "id,holder,start,start_precision,end,end_precision,amount_ore,amount_decimals,renews,programme,sources,note\r\n"
              "ced-2019,ced,2019-10-01,day,2021-09-30,day,800000000,0,,,,\r\n"
              "ced-2021,ced,2021-10-01,month,2022-09-30,day,400000050,1,ced-2019,,,\r\n");
}
END_TEST

/* A version 2 landscape: a programme with envelopes, designations and
 * provenance, and a contract that names it. */
static const char programme_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<landscape xmlns=\"urn:klynge:landscape:1\" version=\"2\">\n"
  "  <funding-sources>\n"
  "    <funding-source id=\"deb\" kind=\"national-agency\"><name>DEB</name></funding-source>\n"
  "    <funding-source id=\"es\" kind=\"national-agency\"><name>ES</name></funding-source>\n"
  "  </funding-sources>\n"
  "  <organisations>\n"
  "    <organisation id=\"ecd\" kind=\"cluster\" founded=\"2020-07-01\"><name>Energy Cluster Denmark</name></organisation>\n"
  "    <organisation id=\"ced\" kind=\"support-body\" founded=\"2014\"><name>CED</name></organisation>\n"
  "  </organisations>\n"
  "  <contracts>\n"
  "    <contract id=\"ecd-2021\" holder=\"ecd\" start=\"2021-01-01\" end=\"2021-12-31\" amount=\"1000000\" programme=\"kp\">\n"
  "      <share source=\"deb\" percent=\"100\"/>\n"
  "    </contract>\n"
  "  </contracts>\n"
  "  <programmes>\n"
  "    <programme id=\"kp\" kind=\"cluster-programme\" start=\"2021\" end=\"2024-12-31\">\n"
  "      <name>Klyngeprogram, 2021-2024</name>\n"
  "      <envelope source=\"deb\" start=\"2021-01-01\" end=\"2021-12-31\" amount=\"80000000\"/>\n"
  "      <envelope source=\"es\" start=\"2022\" end=\"2022\" amount=\"0.5\"/>\n"
  "      <designation organisation=\"ecd\" role=\"national-cluster\" area=\"Energi, teknologi\" start=\"2021-01-01\" end=\"2024-12-31\"/>\n"
  "      <designation organisation=\"ced\" role=\"support-body\" start=\"2021-01\"/>\n"
  "      <source href=\"https://example.org/kp\" accessed=\"2026-11-27\"/>\n"
  "      <note>Fourteen clusters</note>\n"
  "    </programme>\n"
  "    <programme id=\"pool\" kind=\"transition-pool\"><name>Pool</name></programme>\n"
  "  </programmes>\n"
  "</landscape>\n";

/* Areas in the scheme of the cluster programme next to free text. */
static const char areas_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<landscape xmlns=\"urn:klynge:landscape:1\" version=\"2\">\n"
  "  <organisations>\n"
  "    <organisation id=\"ecd\" kind=\"cluster\"><name>ECD</name>\n"
  "      <focus-area scheme=\"klyngeprogram-2021\">energy technology</focus-area>\n"
  "      <focus-area>Brint</focus-area>\n"
  "    </organisation>\n"
  "  </organisations>\n"
  "  <programmes>\n"
  "    <programme id=\"kp\" kind=\"cluster-programme\"><name>KP</name>\n"
  "      <designation organisation=\"ecd\" role=\"national-cluster\" area=\"Energiteknologi\""
  " area-scheme=\"klyngeprogram-2021\" start=\"2021-01-01\"/>\n"
  "    </programme>\n"
  "  </programmes>\n"
  "</landscape>\n";

START_TEST (test_csv_area_tables_name_each_area_s_scheme)
{
  assert_csv_of (areas_xml, "focus-area",
                 "organisation,focus_area,scheme\r\n"
                 "ecd,energy technology,klyngeprogram-2021\r\n"
                 "ecd,Brint,other\r\n");
  assert_csv_of (areas_xml, "designation",
                 "programme,organisation,role,area,area_scheme,start,start_precision,end,end_precision\r\n"
                 "kp,ecd,national-cluster,Energiteknologi,klyngeprogram-2021,2021-01-01,day,,\r\n");
}
END_TEST

START_TEST (test_csv_programmes_envelopes_and_designations_are_tables_in_document_order)
{
  assert_csv_of (programme_xml, "programme",
                 "id,kind,start,start_precision,end,end_precision,name,sources,note\r\n"
                 "kp,cluster-programme,2021-01-01,year,2024-12-31,day,\"Klyngeprogram, 2021-2024\","
                 "https://example.org/kp,Fourteen clusters\r\n"
                 "pool,transition-pool,,,,,Pool,,\r\n");
  assert_csv_of (programme_xml, "envelope",
                 "programme,source,start,start_precision,end,end_precision,amount_ore,amount_decimals\r\n"
                 "kp,deb,2021-01-01,day,2021-12-31,day,8000000000,0\r\n"
                 "kp,es,2022-01-01,year,2022-01-01,year,50,1\r\n");
  assert_csv_of (programme_xml, "designation",
                 "programme,organisation,role,area,area_scheme,start,start_precision,end,end_precision\r\n"
                 "kp,ecd,national-cluster,\"Energi, teknologi\",other,2021-01-01,day,2024-12-31,day\r\n"
                 "kp,ced,support-body,,,2021-01-01,month,,\r\n");
  assert_csv_of (programme_xml, "contract",
                 "id,holder,start,start_precision,end,end_precision,amount_ore,amount_decimals,renews,programme,sources,note\r\n"
                 "ecd-2021,ecd,2021-01-01,day,2021-12-31,day,100000000,0,,kp,,\r\n");
  assert_csv_of (programme_xml, "source",
                 "record,href,accessed,accessed_precision\r\n"
                 "kp,https://example.org/kp,2026-11-27,day\r\n");
}
END_TEST

START_TEST (test_csv_identifiers_are_a_table_of_funding_sources_then_organisations)
{
  static const char identifiers_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<landscape xmlns=\"urn:klynge:landscape:1\" version=\"2\">\n"
    "  <funding-sources>\n"
    "    <funding-source id=\"fs\" kind=\"national-agency\"><name>Styrelse</name>\n"
    "      <identifier scheme=\"wikidata\" value=\"Q42\"/></funding-source>\n"
    "  </funding-sources>\n"
    "  <organisations>\n"
    "    <organisation id=\"o\" kind=\"cluster\" cvr=\"24256790\"><name>Klynge</name>\n"
    "      <identifier scheme=\"lei\" value=\"5493001KJTIIGC8Y1R12\" since=\"2015-03\" until=\"2020-06-30\"/>\n"
    "      <identifier scheme=\"other\" value=\"a,b\"/></organisation>\n"
    "  </organisations>\n"
    "</landscape>\n";

  /* the cvr attribute stays in the organisation table */
  assert_csv_of (identifiers_xml, "identifier",
                 "record,scheme,value,since,since_precision,until,until_precision\r\n"
                 "fs,wikidata,Q42,,,,\r\n"
                 "o,lei,5493001KJTIIGC8Y1R12,2015-03-01,month,2020-06-30,day\r\n"
                 "o,other,\"a,b\",,,,\r\n");
}
END_TEST

/* Percents as the XML writes them, so that tables read back give the same
 * document; each share's øre as the library splits the contract: 33.34 %
 * of 400000050 øre is 133360016.67 and 66.66 % 266640033.33, and the øre
 * left over goes to the larger remainder. */
START_TEST (test_csv_percents_keep_their_decimals_and_shares_give_the_library_split)
{
  assert_csv ("share",
              "contract,source,percent,amount_ore\r\n"
              "ced-2019,siu,50,400000000\r\n"
              "ced-2019,es,50.00,400000000\r\n"
              "ced-2021,siu,33.34,133360017\r\n"
              "ced-2021,es,66.66,266640033\r\n");
}
END_TEST

START_TEST (test_csv_merger_joins_predecessors)
{
  assert_csv ("merger",
              "id,effective,effective_precision,successor,kind,status,predecessors,sources,note\r\n"
              "m2020,2020-07-01,day,ab,merger,completed,a|b,,\r\n");
}
END_TEST

/* Splits a plural column as the export documents: a backslash stands for
 * the next character, an unescaped `|` ends a value. */
static GPtrArray *
split_plural (const char *column)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  GString *value = g_string_new (NULL);

  for (const char *p = column; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        g_string_append_c (value, *++p);
      else if (*p == '|')
        {
          g_ptr_array_add (values, g_string_free (value, FALSE));
          value = g_string_new (NULL);
        }
      else
        g_string_append_c (value, *p);
    }
  g_ptr_array_add (values, g_string_free (value, FALSE));
  return values;
}

START_TEST (test_csv_plural_columns_escape_the_separator_and_split_back_exactly)
{
  g_autoptr(KlyngeLandscape) landscape = load_xml (
    "<landscape xmlns=\"urn:klynge:landscape:1\" version=\"1\">\n"
    "  <organisations>\n"
    "    <organisation id=\"x\" kind=\"cluster\"><name>X</name>"
    "<location city=\"C:\\d\"/><location city=\"e\\\"/>"
    "<focus-area>a|b</focus-area><focus-area>c</focus-area>"
    "<source href=\"https://e.example/?q=1|2\"/></organisation>\n"
    "  </organisations>\n"
    "</landscape>\n");
  g_autofree char *text = csv_of (landscape, "organisation");
  g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);
  g_auto(GStrv) fields = NULL;
  g_autoptr(GPtrArray) focus = NULL;
  g_autoptr(GPtrArray) cities = NULL;
  g_autoptr(GPtrArray) sources = NULL;

  ck_assert_str_eq (lines[1], "x,cluster,,,,,,,,,X,,,C:\\\\d|e\\\\,a\\|b|c,https://e.example/?q=1\\|2,");
  fields = g_strsplit (lines[1], ",", -1);
  cities = split_plural (fields[13]);
  focus = split_plural (fields[14]);
  sources = split_plural (fields[15]);
  ck_assert_uint_eq (focus->len, 2);
  ck_assert_str_eq (g_ptr_array_index (focus, 0), "a|b");
  ck_assert_str_eq (g_ptr_array_index (focus, 1), "c");
  ck_assert_uint_eq (cities->len, 2);
  ck_assert_str_eq (g_ptr_array_index (cities, 0), "C:\\d");
  ck_assert_str_eq (g_ptr_array_index (cities, 1), "e\\");
  ck_assert_uint_eq (sources->len, 1);
  ck_assert_str_eq (g_ptr_array_index (sources, 0), "https://e.example/?q=1|2");
}
END_TEST

START_TEST (test_csv_initiative_table)
{
  assert_csv ("initiative",
              "id,kind,theme,host,start,start_precision,end,end_precision,replaces,title,participants,"
              "participants_count,sources,note\r\n"
              "camp,event,professionalisation,ced,2019-01-01,year,,,,Innovation Camp,,,,\r\n"
              "summit,event,professionalisation,ced,2020-01-01,year,,,camp,Summit,a|ab,,,\r\n");
}
END_TEST

/* Version 2: members take part too, and a count may be stated. */
START_TEST (test_csv_participants_say_whether_each_is_an_organisation_or_a_member)
{
  g_autofree char *path = klynge_test_path ("tests/data/valid/initiative-participants.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_load_file (path, &error);
  g_autofree char *participants = NULL, *initiatives = NULL;

  ck_assert_no_error (error);
  participants = csv_of (landscape, "participant");
  ck_assert_str_eq (participants,
                    "initiative,ref,kind\r\n"
                    "i-summit,o-1,organisation\r\n"
                    "i-summit,m-1,member\r\n"
                    "i-summit,m-2,member\r\n"
                    "i-network,m-2,member\r\n"
                    "i-network,o-host,organisation\r\n");
  initiatives = csv_of (landscape, "initiative");
  ck_assert_str_eq (initiatives,
                    "id,kind,theme,host,start,start_precision,end,end_precision,replaces,title,participants,"
                    "participants_count,sources,note\r\n"
                    "i-summit,event,professionalisation,o-host,2020-01-01,year,,,,Klyngetopmøde,o-1|m-1|m-2,120,,"
                    "The report gives 120 participants and names three.\r\n"
                    "i-camp,event,professionalisation,o-host,2019-01-01,year,,,,Lejr uden deltagere,,0,,\r\n"
                    "i-network,network,globalisation,o-host,2021-01-01,year,,,,Eksportnetværk,m-2|o-host,,,\r\n");
}
END_TEST

/* The region and municipality as stated: one stated alone is not
 * completed from the other. */
START_TEST (test_csv_location_table_gives_region_and_municipality_as_stated)
{
  assert_csv_of ("<landscape xmlns=\"urn:klynge:landscape:1\" version=\"2\"><organisations>"
                 "<organisation id=\"a\" kind=\"cluster\"><name>A</name>"
                 "<location city=\"Aalborg\" region=\"DK05\" municipality=\"851\"/>"
                 "<location city=\"Odense\" municipality=\"461\"/>"
                 "<location city=\"Roskilde\" region=\"DK02\"/>"
                 "</organisation></organisations></landscape>",
                 "location",
                 "organisation,city,address,role,region,municipality\r\n"
                 "a,Aalborg,,,DK05,851\r\n"
                 "a,Odense,,,,461\r\n"
                 "a,Roskilde,,,DK02,\r\n");
}
END_TEST

START_TEST (test_csv_multi_valued_tables_give_one_row_per_value)
{
  assert_csv ("location",
              "organisation,city,address,role,region,municipality\r\n"
              "ced,Lemvig,Havnen 66,secretariat,,\r\n"
              "ced,København V,,,,\r\n"
              "a,Aalborg,,secretariat,,\r\n");
  assert_csv ("focus-area",
              "organisation,focus_area,scheme\r\n"
              "a,energy,other\r\n"
              "a,\"water, climate\",other\r\n");
  assert_csv ("label",
              "organisation,level,awarded,awarded_precision,valid_until,valid_until_precision\r\n"
              "a,gold,2019-07-01,month,2021-07-01,month\r\n");
  assert_csv ("predecessor", "merger,ref\r\nm2020,a\r\nm2020,b\r\n");
  assert_csv ("participant", "initiative,ref,kind\r\nsummit,a,organisation\r\nsummit,ab,organisation\r\n");
  assert_csv ("source",
              "record,href,accessed,accessed_precision\r\n"
              "m-2,https://example.org/m2,2026-11-27,day\r\n"
              "a,https://example.org/a,2026-11-27,day\r\n"
              "a,https://example.org/a2,,\r\n");
}
END_TEST

START_TEST (test_csv_of_an_empty_landscape_is_the_header_alone)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new ();
  const char * const *kinds = klynge_landscape_export_csv_kinds ();

  for (guint i = 0; kinds[i] != NULL; i++)
    {
      g_autofree char *text = csv_of (landscape, kinds[i]);
      const char *crlf = strstr (text, "\r\n");

      ck_assert_ptr_nonnull (crlf);
      ck_assert_str_eq (crlf, "\r\n");
    }
}
END_TEST

/* Unknown kinds are refused with BAD_ENUM, and nothing is written. */
static const char * const bad_kinds[] = {
  "", "organisations", "Organisation", "memberships", "record", "all", "csv", " member",
};

START_TEST (test_csv_unknown_kind_is_bad_enum)
{
  g_autoptr(KlyngeLandscape) landscape = load_xml (small_xml);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  bytes = klynge_landscape_export_csv_bytes (landscape, bad_kinds[_i], &error);
  ck_assert_ptr_null (bytes);
  ck_assert_klynge_error (error, KLYNGE_ERROR_BAD_ENUM);

  ck_assert (!klynge_landscape_export_csv (landscape, bad_kinds[_i], stream, NULL, &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_BAD_ENUM);
  ck_assert_uint_eq (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)), 0);
}
END_TEST

START_TEST (test_csv_to_a_stream_equals_csv_in_memory)
{
  g_autoptr(KlyngeLandscape) landscape = load_xml (small_xml);
  const char * const *kinds = klynge_landscape_export_csv_kinds ();

  for (guint i = 0; kinds[i] != NULL; i++)
    {
      g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) streamed = NULL;
      g_autoptr(GBytes) bytes = klynge_landscape_export_csv_bytes (landscape, kinds[i], &error);

      ck_assert_no_error (error);
      ck_assert (klynge_landscape_export_csv (landscape, kinds[i], stream, NULL, &error));
      ck_assert_no_error (error);
      ck_assert (g_output_stream_close (stream, NULL, NULL));
      streamed = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
      ck_assert (g_bytes_equal (streamed, bytes));
    }
}
END_TEST

/* The records of RFC 4180 text with CRLF row ends, each a NULL-terminated
 * array of its fields; fails the test on text that is not such CSV. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GStrvBuilder) record = g_strv_builder_new ();
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++; !(*p == '"' && p[1] != '"'); p++)
            {
              ck_assert_msg (*p != '\0', "unclosed quote in %s", text);
              if (*p == '"')
                p++;            /* a doubled quote */
              g_string_append_c (field, *p);
            }
          p++;
        }
      while (*p != ',' && *p != '\r' && *p != '\0')
        {
          ck_assert_msg (*p != '"' && *p != '\n', "a bare quote or line feed in %s", text);
          g_string_append_c (field, *p++);
        }
      g_strv_builder_add (record, field->str);
      g_string_truncate (field, 0);
      if (*p == ',')
        p++;
      else
        {
          ck_assert_msg (p[0] == '\r' && p[1] == '\n', "a row not ended by CRLF in %s", text);
          p += 2;
          g_ptr_array_add (records, g_strv_builder_end (record));
        }
    }
  return records;
}

/* Every table of every valid fixture and of the built-in landscape has
 * the header of its description in klynge-tables.c, and as many fields
 * in every row; each table has rows somewhere, so each writer is
 * checked. */
START_TEST (test_csv_every_table_has_the_described_header_and_as_many_fields_in_every_row)
{
  g_autoptr(GPtrArray) files = klynge_test_fixture_files ("tests/data/valid", ".xml");
  const char * const *kinds = klynge_landscape_export_csv_kinds ();
  guint n_tables;
  const KlyngeTable *tables = _klynge_tables (&n_tables);
  g_autofree guint *rows = g_new0 (guint, n_tables);

  ck_assert_uint_eq (g_strv_length ((char **) kinds), n_tables);
  for (guint f = 0; f <= files->len; f++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KlyngeLandscape) landscape = f < files->len
        ? klynge_landscape_load_file (g_ptr_array_index (files, f), &error)
        : klynge_landscape_new_default ();

      ck_assert_no_error (error);
      for (guint t = 0; t < n_tables; t++)
        {
          g_autofree char *text = csv_of (landscape, kinds[t]);
          g_autoptr(GPtrArray) records = parse_csv (text);
          const char * const *header;

          ck_assert_str_eq (kinds[t], tables[t].name);
          ck_assert_uint_ge (records->len, 1);
          header = g_ptr_array_index (records, 0);
          ck_assert_uint_eq (g_strv_length ((char **) header), tables[t].n_columns);
          for (guint c = 0; c < tables[t].n_columns; c++)
            ck_assert_str_eq (header[c], tables[t].columns[c].name);
          for (guint r = 1; r < records->len; r++)
            ck_assert_msg (g_strv_length (g_ptr_array_index (records, r)) == tables[t].n_columns,
                           "%s, row %u of %s", tables[t].name, r, f < files->len
                           ? (const char *) g_ptr_array_index (files, f) : "the built-in landscape");
          rows[t] += records->len - 1;
        }
    }
  for (guint t = 0; t < n_tables; t++)
    ck_assert_msg (rows[t] > 0, "no fixture has a row of %s", tables[t].name);
}
END_TEST

/* --- CSV: large landscapes, failures ------------------------------------------ */

#define N_ORGS 10
#define N_MEMBERS 3000

static KlyngeLandscape *
load_large (void)
{
  g_autoptr(GBytes) bytes = klynge_test_members_document (N_MEMBERS, N_ORGS);
  g_autoptr(GError) error = NULL;
  KlyngeLandscape *landscape;

  landscape = klynge_landscape_load_bytes (bytes, "large.xml", NULL, &error);
  ck_assert_no_error (error);
  return landscape;
}

static guint
count_lines (const char *data,
             gsize       size)
{
  guint n = 0;

  for (gsize i = 0; i < size; i++)
    if (data[i] == '\n')
      n++;
  return n;
}

/* --- exports to files: all or nothing ----------------------------------------- */

static gboolean
export_membership_csv_file (KlyngeLandscape  *landscape,
                            const char       *path,
                            GError          **error)
{
  return klynge_landscape_export_csv_file (landscape, "membership", path, error);
}

static GBytes *
export_membership_csv_bytes (KlyngeLandscape *landscape)
{
  return klynge_landscape_export_csv_bytes (landscape, "membership", NULL);
}

static GBytes *
export_graphml_bytes (KlyngeLandscape *landscape)
{
  return klynge_landscape_export_graphml_bytes (landscape, NULL);
}

typedef struct {
  const char *name;
  gboolean (*to_file) (KlyngeLandscape *, const char *, GError **);
  GBytes *(*to_bytes) (KlyngeLandscape *);
} FileExport;

static GBytes *
export_gexf_bytes (KlyngeLandscape *landscape)
{
  return klynge_landscape_export_gexf_bytes (landscape, NULL);
}

static const FileExport file_exports[] = {
  { "csv", export_membership_csv_file, export_membership_csv_bytes },
  { "graphml", klynge_landscape_export_graphml_file, export_graphml_bytes },
  { "gexf", klynge_landscape_export_gexf_file, export_gexf_bytes },
};

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted and joined with spaces. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  ck_assert_ptr_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, (gpointer) name);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

START_TEST (test_exports_to_files_equal_the_exports_in_memory_and_replace_old_files)
{
  const FileExport *export = &file_exports[_i];
  g_autoptr(KlyngeLandscape) landscape = load_large ();
  g_autoptr(GBytes) expected = export->to_bytes (landscape);
  g_autofree char *dir = g_dir_make_tmp ("klynge-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "out", NULL);
  g_autofree char *names = NULL;
  g_autoptr(GError) error = NULL;

  ck_assert (export->to_file (landscape, path, &error));
  ck_assert_no_error (error);
  klynge_test_assert_file_holds (path, expected);
  ck_assert (g_file_set_contents (path, "old", -1, NULL));
  ck_assert (export->to_file (landscape, path, &error));
  klynge_test_assert_file_holds (path, expected);
  names = list_dir (dir);
  ck_assert_str_eq (names, "out");

  g_unlink (path);
  g_rmdir (dir);
}
END_TEST

/* Direct I/O may begin anywhere, the last flush included (which once
 * started it at the end and left the file without its tail). */
START_TEST (test_exports_to_files_are_whole_wherever_direct_io_begins)
{
  const FileExport *export = &file_exports[_i];
  g_autoptr(KlyngeLandscape) landscape = load_large ();
  g_autoptr(GBytes) expected = export->to_bytes (landscape);
  gsize size = g_bytes_get_size (expected);
  g_autofree char *dir = g_dir_make_tmp ("klynge-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "out", NULL);
  const gsize starts[] = { 1, size / 2, size - 5000, size - 1 };

  for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
    {
      KlyngeFileOutputHooks hooks = { NULL, NULL, NULL, starts[i], 65536, FALSE };
      g_autoptr(GError) error = NULL;
      gboolean ok;

      _klynge_file_output_set_hooks (&hooks);
      ok = export->to_file (landscape, path, &error);
      _klynge_file_output_set_hooks (NULL);
      ck_assert_no_error (error);
      ck_assert (ok);
      klynge_test_assert_file_holds (path, expected);
    }
  g_unlink (path);
  ck_assert_int_eq (g_rmdir (dir), 0);
}
END_TEST

/* Exports to @path with @hooks and asserts the failure is coded and names
 * the file, that @path holds @old (or, for %NULL, does not exist) and
 * that nothing else is in @dir. */
static void
assert_failed_export_leaves_nothing (const FileExport            *export,
                                     KlyngeLandscape             *landscape,
                                     const char                  *dir,
                                     const char                  *path,
                                     GBytes                      *old,
                                     const KlyngeFileOutputHooks *hooks,
                                     const char                  *what)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  gboolean ok;

  _klynge_file_output_set_hooks (hooks);
  ok = export->to_file (landscape, path, &error);
  _klynge_file_output_set_hooks (NULL);
  ck_assert_msg (!ok, "%s %s: the export succeeded", export->name, what);
  ck_assert_msg (error != NULL && strstr (error->message, path) != NULL, "%s %s: %s", export->name, what,
                 error != NULL ? error->message : "no error");
  ck_assert_klynge_error (error, KLYNGE_ERROR_IO);
  names = list_dir (dir);
  if (old == NULL)
    ck_assert_msg (strcmp (names, "") == 0, "%s %s: left %s", export->name, what, names);
  else
    {
      ck_assert_msg (strcmp (names, "out") == 0, "%s %s: left %s", export->name, what, names);
      klynge_test_assert_file_holds (path, old);
    }
}

START_TEST (test_exports_to_files_failing_at_any_write_fsync_or_rename_leave_nothing)
{
  const FileExport *export = &file_exports[_i];
  g_autoptr(KlyngeLandscape) landscape = load_large ();
  g_autoptr(GBytes) old = g_bytes_new_static ("old", 3);
  g_autofree char *dir = g_dir_make_tmp ("klynge-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "out", NULL);
  /* small blocks: many writes, through the page cache and directly */
  KlyngeFileOutputHooks counting = { klynge_test_write_failing_at_call, NULL, NULL, 65536, 65536, FALSE };
  KlyngeFileOutputHooks fsync_hooks = { NULL, klynge_test_fsync_failing, NULL };
  KlyngeFileOutputHooks rename_hooks = { NULL, NULL, klynge_test_rename_failing };
  guint n_writes;

  klynge_test_writes_before_failure = G_MAXUINT;
  klynge_test_writes_made = 0;
  _klynge_file_output_set_hooks (&counting);
  ck_assert (export->to_file (landscape, path, NULL));
  _klynge_file_output_set_hooks (NULL);
  n_writes = klynge_test_writes_made;
  ck_assert_uint_gt (n_writes, 2);
  g_unlink (path);

  /* a new file, then an old one */
  for (guint with_old = 0; with_old < 2; with_old++)
    {
      if (with_old)
        ck_assert (g_file_set_contents (path, "old", 3, NULL));
      for (guint k = 0; k < n_writes; k++)
        {
          g_autofree char *what = g_strdup_printf ("write %u of %u failing", k + 1, n_writes);

          klynge_test_writes_before_failure = k;
          klynge_test_writes_made = 0;
          klynge_test_injected_errno = ENOSPC;
          assert_failed_export_leaves_nothing (export, landscape, dir, path, with_old ? old : NULL,
                                               &counting, what);
        }
      assert_failed_export_leaves_nothing (export, landscape, dir, path, with_old ? old : NULL,
                                           &fsync_hooks, "fsync failing");
      assert_failed_export_leaves_nothing (export, landscape, dir, path, with_old ? old : NULL,
                                           &rename_hooks, "rename failing");
    }

  g_unlink (path);
  ck_assert_int_eq (g_rmdir (dir), 0);
}
END_TEST

START_TEST (test_exports_to_files_refuse_what_is_not_a_regular_file)
{
  const FileExport *export = &file_exports[_i];
  g_autoptr(KlyngeLandscape) landscape = load_xml (small_xml);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("klynge-export-XXXXXX", NULL);

  ck_assert (!export->to_file (landscape, dir, &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_IO);
  g_clear_error (&error);
  ck_assert (!export->to_file (landscape, "/dev/null", &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_IO);
  ck_assert_int_eq (g_rmdir (dir), 0);
}
END_TEST

START_TEST (test_csv_file_of_an_unknown_kind_is_bad_enum_and_writes_nothing)
{
  g_autoptr(KlyngeLandscape) landscape = load_xml (small_xml);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("klynge-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "out", NULL);
  g_autofree char *names = NULL;

  ck_assert (!klynge_landscape_export_csv_file (landscape, "organisations", path, &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_BAD_ENUM);
  names = list_dir (dir);
  ck_assert_str_eq (names, "");
  ck_assert_int_eq (g_rmdir (dir), 0);
}
END_TEST

/* --- all tables into a directory ---------------------------------------------- */

/* Asserts that @dir holds every table as klynge_landscape_export_csv_bytes()
 * gives it and the descriptor, besides @others (sorted, space-separated
 * names that were there before). */
static void
assert_dir_holds_the_tables (KlyngeLandscape *landscape,
                             const char      *dir,
                             const char      *others)
{
  const char * const *kinds = klynge_landscape_export_csv_kinds ();
  g_autoptr(GPtrArray) expected_names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) descriptor = klynge_export_datapackage_bytes ();
  g_autofree char *descriptor_path = g_build_filename (dir, "datapackage.json", NULL);
  g_autofree char *names = list_dir (dir);
  g_autofree char *expected = NULL;
  g_auto(GStrv) other_names = g_strsplit (others, " ", -1);

  for (guint i = 0; kinds[i] != NULL; i++)
    {
      g_autoptr(GBytes) table = klynge_landscape_export_csv_bytes (landscape, kinds[i], NULL);
      g_autofree char *name = g_strconcat (kinds[i], ".csv", NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      klynge_test_assert_file_holds (path, table);
      g_ptr_array_add (expected_names, g_steal_pointer (&name));
    }
  klynge_test_assert_file_holds (descriptor_path, descriptor);
  g_ptr_array_add (expected_names, g_strdup ("datapackage.json"));
  for (guint i = 0; other_names[i] != NULL; i++)
    if (*other_names[i] != '\0')
      g_ptr_array_add (expected_names, g_strdup (other_names[i]));
  g_ptr_array_sort (expected_names, compare_names);
  g_ptr_array_add (expected_names, NULL);
  expected = g_strjoinv (" ", (char **) expected_names->pdata);
  ck_assert_str_eq (names, expected);
}

/* Removes @dir and the files in it. */
static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      ck_assert_int_eq (g_unlink (path), 0);
    }
  ck_assert_int_eq (g_rmdir (dir), 0);
}

START_TEST (test_tables_are_written_into_a_new_directory_with_the_descriptor)
{
  g_autoptr(KlyngeLandscape) landscape = load_xml (small_xml);
  g_autoptr(GError) error = NULL;
  g_autofree char *top = g_dir_make_tmp ("klynge-export-XXXXXX", NULL);
  g_autofree char *parent = g_build_filename (top, "a", NULL);
  g_autofree char *dir = g_build_filename (parent, "b", NULL);

  ck_assert (klynge_landscape_export_tables (landscape, dir, NULL, &error));
  ck_assert_no_error (error);
  assert_dir_holds_the_tables (landscape, dir, "");
  remove_dir (dir);
  ck_assert_int_eq (g_rmdir (parent), 0);
  ck_assert_int_eq (g_rmdir (top), 0);
}
END_TEST

START_TEST (test_tables_replace_their_files_and_leave_other_files_alone)
{
  g_autoptr(KlyngeLandscape) landscape = load_xml (small_xml);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("klynge-export-XXXXXX", NULL);
  g_autofree char *old = g_build_filename (dir, "member.csv", NULL);
  g_autofree char *notes = g_build_filename (dir, "notes.txt", NULL);
  g_autoptr(GBytes) kept = g_bytes_new_static ("mine", 4);

  ck_assert (g_file_set_contents (old, "old", -1, NULL));
  ck_assert (g_file_set_contents (notes, "mine", -1, NULL));
  ck_assert (klynge_landscape_export_tables (landscape, dir, NULL, &error));
  ck_assert_no_error (error);
  assert_dir_holds_the_tables (landscape, dir, "notes.txt");
  klynge_test_assert_file_holds (notes, kept);
  remove_dir (dir);
}
END_TEST

START_TEST (test_datapackage_descriptor_is_the_same_every_time)
{
  g_autoptr(GBytes) one = klynge_export_datapackage_bytes ();
  g_autoptr(GBytes) other = klynge_export_datapackage_bytes ();
  g_autofree char *text = g_strndup (g_bytes_get_data (one, NULL), g_bytes_get_size (one));

  ck_assert (g_bytes_equal (one, other));
  ck_assert (g_utf8_validate (text, -1, NULL));
  ck_assert (g_str_has_prefix (text, "{\n  \"$schema\": \"https://datapackage.org/profiles/2.0/datapackage.json\",\n"));
  ck_assert (g_str_has_suffix (text, "\n}\n"));
}
END_TEST

/* A failure anywhere leaves the directory as it was: @old_names (with
 * member.csv holding "old") and no file of this export, not even a
 * hidden one. */
static void
assert_failed_tables_leave_the_directory (KlyngeLandscape             *landscape,
                                          const char                  *dir,
                                          const KlyngeFileOutputHooks *hooks,
                                          const char                  *what)
{
  g_autofree char *old = g_build_filename (dir, "member.csv", NULL);
  g_autoptr(GBytes) old_bytes = g_bytes_new_static ("old", 3);
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  gboolean ok;

  _klynge_file_output_set_hooks (hooks);
  ok = klynge_landscape_export_tables (landscape, dir, NULL, &error);
  _klynge_file_output_set_hooks (NULL);
  ck_assert_msg (!ok, "%s: the export succeeded", what);
  /* the message names the file that failed */
  ck_assert_msg (error != NULL && g_str_has_prefix (error->message, dir)
                 && (strstr (error->message, ".csv: ") != NULL || strstr (error->message, "datapackage.json: ") != NULL)
                 && strstr (error->message, ".klynge-tables-") == NULL,
                 "%s: %s", what, error != NULL ? error->message : "no error");
  ck_assert_klynge_error (error, KLYNGE_ERROR_IO);
  names = list_dir (dir);
  ck_assert_msg (strcmp (names, "member.csv notes.txt") == 0, "%s: left %s", what, names);
  klynge_test_assert_file_holds (old, old_bytes);
}

START_TEST (test_tables_failing_at_any_write_fsync_or_rename_leave_the_directory_as_it_was)
{
  g_autoptr(KlyngeLandscape) landscape = load_large ();
  g_autofree char *dir = g_dir_make_tmp ("klynge-export-XXXXXX", NULL);
  g_autofree char *old = g_build_filename (dir, "member.csv", NULL);
  g_autofree char *notes = g_build_filename (dir, "notes.txt", NULL);
  KlyngeFileOutputHooks counting = { klynge_test_write_failing_at_call, NULL, NULL, 65536, 65536, FALSE };
  KlyngeFileOutputHooks fsync_hooks = { NULL, klynge_test_fsync_failing, NULL };
  KlyngeFileOutputHooks rename_hooks = { NULL, NULL, klynge_test_rename_failing };
  g_autofree char *scratch = g_dir_make_tmp ("klynge-export-XXXXXX", NULL);
  guint n_writes;

  ck_assert (g_file_set_contents (old, "old", -1, NULL));
  ck_assert (g_file_set_contents (notes, "mine", -1, NULL));

  klynge_test_writes_before_failure = G_MAXUINT;
  klynge_test_writes_made = 0;
  _klynge_file_output_set_hooks (&counting);
  ck_assert (klynge_landscape_export_tables (landscape, scratch, NULL, NULL));
  _klynge_file_output_set_hooks (NULL);
  n_writes = klynge_test_writes_made;
  /* a write or more per file */
  ck_assert_uint_gt (n_writes, g_strv_length ((char **) klynge_landscape_export_csv_kinds ()));
  remove_dir (scratch);

  for (guint k = 0; k < n_writes; k++)
    {
      g_autofree char *what = g_strdup_printf ("write %u of %u failing", k + 1, n_writes);

      klynge_test_writes_before_failure = k;
      klynge_test_writes_made = 0;
      klynge_test_injected_errno = ENOSPC;
      assert_failed_tables_leave_the_directory (landscape, dir, &counting, what);
    }
  assert_failed_tables_leave_the_directory (landscape, dir, &fsync_hooks, "fsync failing");
  assert_failed_tables_leave_the_directory (landscape, dir, &rename_hooks, "rename failing");
  remove_dir (dir);
}
END_TEST

START_TEST (test_tables_into_a_new_directory_failing_leave_no_directory)
{
  g_autoptr(KlyngeLandscape) landscape = load_xml (small_xml);
  g_autofree char *top = g_dir_make_tmp ("klynge-export-XXXXXX", NULL);
  g_autofree char *dir = g_build_filename (top, "tables", NULL);
  KlyngeFileOutputHooks fsync_hooks = { NULL, klynge_test_fsync_failing, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;

  _klynge_file_output_set_hooks (&fsync_hooks);
  ck_assert (!klynge_landscape_export_tables (landscape, dir, NULL, &error));
  _klynge_file_output_set_hooks (NULL);
  ck_assert_klynge_error (error, KLYNGE_ERROR_IO);
  names = list_dir (top);
  ck_assert_str_eq (names, "");
  ck_assert_int_eq (g_rmdir (top), 0);
}
END_TEST

START_TEST (test_tables_into_what_is_not_a_directory_are_an_io_error)
{
  g_autoptr(KlyngeLandscape) landscape = load_xml (small_xml);
  g_autofree char *top = g_dir_make_tmp ("klynge-export-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (top, "file", NULL);
  g_autofree char *below = g_build_filename (file, "tables", NULL);
  const char *targets[] = { file, below };

  ck_assert (g_file_set_contents (file, "x", -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *names = NULL;

      ck_assert (!klynge_landscape_export_tables (landscape, targets[i], NULL, &error));
      ck_assert_msg (error != NULL && strstr (error->message, targets[i]) != NULL, "%s",
                     error != NULL ? error->message : "no error");
      ck_assert_klynge_error (error, KLYNGE_ERROR_IO);
      names = list_dir (top);
      ck_assert_str_eq (names, "file");
    }
  remove_dir (top);
}
END_TEST

/* What a killed export left is removed; what a live one holds is not. */
START_TEST (test_tables_remove_the_hidden_directories_killed_exports_left)
{
  g_autoptr(KlyngeLandscape) landscape = load_xml (small_xml);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("klynge-export-XXXXXX", NULL);
  g_autofree char *stale = g_build_filename (dir, ".klynge-tables-AbC123", NULL);
  g_autofree char *stale_file = g_build_filename (stale, "member.csv", NULL);
  g_autofree char *live = g_build_filename (dir, ".klynge-tables-Live01", NULL);
  g_autofree char *names = NULL;
  int live_fd;

  ck_assert_int_eq (g_mkdir (stale, 0700), 0);
  ck_assert (g_file_set_contents (stale_file, "half", -1, NULL));
  ck_assert_int_eq (g_mkdir (live, 0700), 0);
  live_fd = open (live, O_RDONLY | O_DIRECTORY);
  ck_assert_int_ge (live_fd, 0);
  ck_assert_int_eq (flock (live_fd, LOCK_EX), 0);

  ck_assert (klynge_landscape_export_tables (landscape, dir, NULL, &error));
  ck_assert_no_error (error);
  ck_assert (!g_file_test (stale, G_FILE_TEST_EXISTS));
  ck_assert (g_file_test (live, G_FILE_TEST_IS_DIR));
  close (live_fd);
  ck_assert_int_eq (g_rmdir (live), 0);
  assert_dir_holds_the_tables (landscape, dir, "");
  remove_dir (dir);
}
END_TEST

START_TEST (test_tables_with_a_cancelled_cancellable_are_cancelled_and_leave_nothing)
{
  g_autoptr(KlyngeLandscape) landscape = load_large ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *top = g_dir_make_tmp ("klynge-export-XXXXXX", NULL);
  g_autofree char *names = NULL;

  g_cancellable_cancel (cancellable);
  ck_assert (!klynge_landscape_export_tables (landscape, top, cancellable, &error));
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  names = list_dir (top);
  ck_assert_str_eq (names, "");
  ck_assert_int_eq (g_rmdir (top), 0);
}
END_TEST

START_TEST (test_csv_streams_many_memberships_in_order)
{
  g_autoptr(KlyngeLandscape) landscape = load_large ();
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *expected_last = NULL;
  const char *data;
  gsize size;

  ck_assert (klynge_landscape_export_csv (landscape, "membership", stream, NULL, &error));
  ck_assert_no_error (error);
  ck_assert (g_output_stream_close (stream, NULL, NULL));
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  data = g_bytes_get_data (bytes, &size);
  /* larger than the emitter's buffer, so it was flushed several times */
  ck_assert_uint_gt (size, 256 * 1024);
  ck_assert_uint_eq (count_lines (data, size), 1 + N_ORGS * N_MEMBERS);
  ck_assert (g_str_has_prefix (data, "organisation,member,since,since_precision,until,until_precision,role,end\r\n"
                                     "org-0,m-0,2020-01-01,day,,,member,\r\n"));
  expected_last = g_strdup_printf ("\r\norg-%u,m-%u,2020-01-%02u,day,,,member,\r\n", N_ORGS - 1, N_MEMBERS - 1,
                                   1 + (N_MEMBERS - 1) % 28);
  ck_assert_uint_ge (size, strlen (expected_last));
  ck_assert_int_eq (memcmp (data + size - strlen (expected_last), expected_last, strlen (expected_last)), 0);
}
END_TEST

START_TEST (test_csv_to_a_closed_stream_is_an_io_error)
{
  g_autoptr(KlyngeLandscape) landscape = load_xml (small_xml);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  ck_assert (g_output_stream_close (stream, NULL, NULL));
  ck_assert (!klynge_landscape_export_csv (landscape, "organisation", stream, NULL, &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_IO);
  ck_assert (!klynge_landscape_export_graphml (landscape, stream, NULL, &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_IO);
  g_clear_error (&error);
  ck_assert (!klynge_landscape_export_gexf (landscape, stream, NULL, &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_IO);
}
END_TEST

START_TEST (test_export_with_a_cancelled_cancellable_is_cancelled)
{
  g_autoptr(KlyngeLandscape) landscape = load_large ();
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  ck_assert (!klynge_landscape_export_csv (landscape, "membership", stream, cancellable, &error));
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  g_clear_error (&error);
  ck_assert (!klynge_landscape_export_graphml (landscape, stream, cancellable, &error));
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  g_clear_error (&error);
  ck_assert (!klynge_landscape_export_gexf (landscape, stream, cancellable, &error));
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
}
END_TEST

/* --- GraphML ------------------------------------------------------------------- */

/* The graph @export wrote of @landscape, parsed: it is well-formed XML. */
static xmlDocPtr
graph_doc (KlyngeLandscape *landscape,
           GBytes         *(*export) (KlyngeLandscape *, GError **),
           const char      *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = export (landscape, &error);
  gsize size;
  const char *data;
  xmlDocPtr doc;

  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (bytes);
  data = g_bytes_get_data (bytes, &size);
  doc = xmlReadMemory (data, (int) size, name, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR);
  ck_assert_msg (doc != NULL, "%s is not well-formed", name);
  return doc;
}

static xmlDocPtr
graphml_doc (KlyngeLandscape *landscape)
{
  return graph_doc (landscape, klynge_landscape_export_graphml_bytes, "export.graphml");
}

static gboolean
is_element (xmlNodePtr  node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0
         && node->ns != NULL && strcmp ((const char *) node->ns->href, "http://graphml.graphdrawing.org/xmlns") == 0;
}

static xmlNodePtr
find_graph (xmlDocPtr doc)
{
  xmlNodePtr root = xmlDocGetRootElement (doc);

  ck_assert (is_element (root, "graphml"));
  for (xmlNodePtr child = root->children; child != NULL; child = child->next)
    if (is_element (child, "graph"))
      return child;
  ck_abort_msg ("no graph element");
  return NULL;
}

/* The value of <data key="KEY"> under @node, or NULL; free with g_free */
static char *
data_of (xmlNodePtr  node,
         const char *key)
{
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    if (is_element (child, "data"))
      {
        xmlChar *k = xmlGetProp (child, (const xmlChar *) "key");
        gboolean match = k != NULL && strcmp ((const char *) k, key) == 0;

        xmlFree (k);
        if (match)
          {
            xmlChar *content = xmlNodeGetContent (child);
            char *value = g_strdup ((const char *) content);
            xmlFree (content);
            return value;
          }
      }
  return NULL;
}

static char *
prop (xmlNodePtr  node,
      const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

START_TEST (test_graphml_has_organisations_and_members_as_nodes)
{
  g_autoptr(KlyngeLandscape) landscape = load_xml (small_xml);
  xmlDocPtr doc = graphml_doc (landscape);
  xmlNodePtr graph = find_graph (doc);
  static const char * const ids[] = { "ced", "a", "b", "ab", "m-1", "m-2", "siu", "es" };
  static const char * const types[] = { "organisation", "organisation", "organisation", "organisation", "member", "member",
                                        "funding-source", "funding-source" };
  guint n = 0;
  g_autofree char *edgedefault = prop (graph, "edgedefault");

  ck_assert_str_eq (edgedefault, "directed");
  for (xmlNodePtr child = graph->children; child != NULL; child = child->next)
    if (is_element (child, "node"))
      {
        g_autofree char *id = prop (child, "id");
        g_autofree char *type = data_of (child, "n-type");

        ck_assert_uint_lt (n, G_N_ELEMENTS (ids));
        ck_assert_str_eq (id, ids[n]);
        ck_assert_str_eq (type, types[n]);
        if (strcmp (id, "a") == 0)
          {
            g_autofree char *name = data_of (child, "n-name");
            g_autofree char *founded = data_of (child, "n-founded");
            g_autofree char *dissolved = data_of (child, "n-dissolved");
            g_autofree char *cvr = data_of (child, "n-cvr");
            g_autofree char *kind = data_of (child, "n-kind");

            ck_assert_str_eq (name, "Klynge A");
            ck_assert_str_eq (founded, "2014-05-09");
            ck_assert_str_eq (dissolved, "2020-06-30");
            ck_assert_str_eq (cvr, "24256790");
            ck_assert_str_eq (kind, "cluster");
          }
        if (strcmp (id, "m-1") == 0)
          {
            /* markup in names survives the escaping */
            g_autofree char *name = data_of (child, "n-name");
            g_autofree char *size = data_of (child, "n-size");

            ck_assert_str_eq (name, "Eksempel, \"Test\" & Co ApS");
            ck_assert_str_eq (size, "sme");
          }
        if (strcmp (id, "siu") == 0)
          {
            g_autofree char *kind = data_of (child, "n-kind");
            g_autofree char *parent = data_of (child, "n-parent");

            ck_assert_str_eq (kind, "national-agency");
            ck_assert_str_eq (parent, "Uddannelses- og Forskningsministeriet");
          }
        n++;
      }
  ck_assert_uint_eq (n, G_N_ELEMENTS (ids));
  xmlFreeDoc (doc);
}
END_TEST

/* The GraphML of the landscape in @xml has exactly two nodes, whose data
 * under @key are @first and @second (NULL: no data). */
static void
assert_two_nodes_data (const char *xml,
                       const char *key,
                       const char *first,
                       const char *second)
{
  g_autoptr(KlyngeLandscape) landscape = load_xml (xml);
  xmlDocPtr doc = graphml_doc (landscape);
  xmlNodePtr graph = find_graph (doc);
  const char *expected[] = { first, second };
  guint n = 0;

  for (xmlNodePtr child = graph->children; child != NULL; child = child->next)
    if (is_element (child, "node"))
      {
        g_autofree char *value = data_of (child, key);

        ck_assert_uint_lt (n, G_N_ELEMENTS (expected));
        ck_assert_pstr_eq (value, expected[n]);
        n++;
      }
  ck_assert_uint_eq (n, 2);
  xmlFreeDoc (doc);
}

START_TEST (test_graphml_gives_an_organisations_identifiers_as_one_value)
{
  static const char identified_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<landscape xmlns=\"urn:klynge:landscape:1\" version=\"2\">\n"
    "  <organisations>\n"
    "    <organisation id=\"o\" kind=\"cluster\"><name>Klynge</name>\n"
    "      <identifier scheme=\"lei\" value=\"5493001KJTIIGC8Y1R12\" until=\"2020\"/>\n"
    "      <identifier scheme=\"other\" value=\"a|b&amp;c\"/></organisation>\n"
    "    <organisation id=\"p\" kind=\"cluster\"><name>Uden</name></organisation>\n"
    "  </organisations>\n"
    "</landscape>\n";

  /* the second has none: no data */
  assert_two_nodes_data (identified_xml, "n-identifiers", "lei:5493001KJTIIGC8Y1R12|other:a\\|b&c", NULL);
}
END_TEST

START_TEST (test_graphml_gives_a_known_until_date_with_its_precision)
{
  static const char known_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<landscape xmlns=\"urn:klynge:landscape:1\" version=\"2\">\n"
    "  <organisations>\n"
    "    <organisation id=\"o\" kind=\"cluster\" known-until=\"2019-06\"><name>Klynge</name></organisation>\n"
    "    <organisation id=\"p\" kind=\"cluster\"><name>Uden</name></organisation>\n"
    "  </organisations>\n"
    "</landscape>\n";

  assert_two_nodes_data (known_xml, "n-known-until", "2019-06", NULL);
}
END_TEST

START_TEST (test_graphml_has_memberships_mergers_and_funding_as_edges)
{
  g_autoptr(KlyngeLandscape) landscape = load_xml (small_xml);
  xmlDocPtr doc = graphml_doc (landscape);
  xmlNodePtr graph = find_graph (doc);
  static const char * const expected[] = {
    /* source target type since until / merger effective / contract
     * amount-ore, then the time span and its precisions */
    "m-1 a membership 2019-10-01 - 2019-10-01 day - -",
    "m-2 a membership 2015 2019-12-31 2015-01-01 year 2019-12-31 day",
    "m-2 a membership 2020-03 - 2020-03-01 month - -",
    "m-1 ab membership 2020-07-01 - 2020-07-01 day - -",
    "a ab merger m2020 2020-07-01 2020-07-01 day - -",
    "b ab merger m2020 2020-07-01 2020-07-01 day - -",
    "siu ced funding ced-2019 400000000 2019-10-01 day 2021-09-30 day",
    "es ced funding ced-2019 400000000 2019-10-01 day 2021-09-30 day",
    /* 400000050 øre split 33.34 / 66.66 */
    "siu ced funding ced-2021 133360017 2021-10-01 month 2022-09-30 day",
    "es ced funding ced-2021 266640033 2021-10-01 month 2022-09-30 day",
  };
  guint n = 0;

  for (xmlNodePtr child = graph->children; child != NULL; child = child->next)
    if (is_element (child, "edge"))
      {
        g_autofree char *source = prop (child, "source");
        g_autofree char *target = prop (child, "target");
        g_autofree char *type = data_of (child, "e-type");
        g_autofree char *x = NULL;
        g_autofree char *y = NULL;
        g_autofree char *start = data_of (child, "e-time-start");
        g_autofree char *start_precision = data_of (child, "e-time-start-precision");
        g_autofree char *end = data_of (child, "e-time-end");
        g_autofree char *end_precision = data_of (child, "e-time-end-precision");
        g_autofree char *line = NULL;

        if (g_strcmp0 (type, "membership") == 0)
          {
            x = data_of (child, "e-since");
            y = data_of (child, "e-until");
          }
        else if (g_strcmp0 (type, "merger") == 0)
          {
            x = data_of (child, "e-merger");
            y = data_of (child, "e-effective");
          }
        else
          {
            x = data_of (child, "e-contract");
            y = data_of (child, "e-amount-ore");
          }
        line = g_strdup_printf ("%s %s %s %s %s %s %s %s %s", source, target, type, x ? x : "-", y ? y : "-",
                                start ? start : "-", start_precision ? start_precision : "-",
                                end ? end : "-", end_precision ? end_precision : "-");
        ck_assert_uint_lt (n, G_N_ELEMENTS (expected));
        ck_assert_str_eq (line, expected[n]);
        n++;
      }
  ck_assert_uint_eq (n, G_N_ELEMENTS (expected));
  xmlFreeDoc (doc);
}
END_TEST

START_TEST (test_graphml_membership_edges_have_role_and_end_reason)
{
  g_autoptr(KlyngeLandscape) landscape = load_xml (small_xml);
  g_autoptr(GError) error = NULL;
  KlyngeDate since = klynge_test_date ("2016"), until = klynge_test_date ("2017-06-30");
  xmlDocPtr doc;
  GString *seen = g_string_new (NULL);
  g_autofree char *text = NULL;

  ck_assert (klynge_landscape_add_membership_full (landscape, "b", "m-1", &since, &until,
                                                   KLYNGE_MEMBERSHIP_ROLE_PARTNER,
                                                   KLYNGE_MEMBERSHIP_END_DISSOLVED, &error));
  ck_assert_no_error (error);
  doc = graphml_doc (landscape);
  for (xmlNodePtr child = find_graph (doc)->children; child != NULL; child = child->next)
    if (is_element (child, "edge"))
      {
        g_autofree char *type = data_of (child, "e-type");
        g_autofree char *target = prop (child, "target");
        g_autofree char *role = data_of (child, "e-role");
        g_autofree char *end = data_of (child, "e-end");

        if (g_strcmp0 (type, "membership") == 0)
          g_string_append_printf (seen, "%s:%s:%s ", target, role, end ? end : "-");
      }
  xmlFreeDoc (doc);
  text = g_string_free (seen, FALSE);
  ck_assert_str_eq (text, "a:member:- a:member:- a:member:- b:partner:dissolved ab:member:- ");
}
END_TEST

START_TEST (test_graphml_draws_transfers_and_renames_with_their_kind_and_no_cancelled_merger)
{
  g_autofree char *path = klynge_test_path ("tests/data/valid/events.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_load_file (path, &error);
  static const char * const expected[] = {
    /* source target kind status; mg-called-off is cancelled */
    "o-giver o-taker transfer completed",
    "o-old-name o-new-name rename completed",
  };
  xmlDocPtr doc;
  guint n = 0;

  ck_assert_no_error (error);
  doc = graphml_doc (landscape);
  for (xmlNodePtr child = find_graph (doc)->children; child != NULL; child = child->next)
    if (is_element (child, "edge"))
      {
        g_autofree char *type = data_of (child, "e-type");
        g_autofree char *source = prop (child, "source");
        g_autofree char *target = prop (child, "target");
        g_autofree char *kind = data_of (child, "e-kind");
        g_autofree char *status = data_of (child, "e-status");
        g_autofree char *line = NULL;

        if (g_strcmp0 (type, "merger") != 0)
          continue;
        line = g_strdup_printf ("%s %s %s %s", source, target, kind, status);
        ck_assert_uint_lt (n, G_N_ELEMENTS (expected));
        ck_assert_str_eq (line, expected[n]);
        n++;
      }
  ck_assert_uint_eq (n, G_N_ELEMENTS (expected));
  xmlFreeDoc (doc);
}
END_TEST

START_TEST (test_graphml_of_an_empty_landscape_is_an_empty_graph)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new ();
  xmlDocPtr doc = graphml_doc (landscape);
  xmlNodePtr graph = find_graph (doc);

  for (xmlNodePtr child = graph->children; child != NULL; child = child->next)
    ck_assert (child->type != XML_ELEMENT_NODE);
  xmlFreeDoc (doc);
}
END_TEST

/* --- GraphML and GEXF: the same graph ------------------------------------------ */

/* How many nodes and edges of each type the landscape should give, from
 * the library's own counts: "node:organisation", "edge:funding", ... */
static GHashTable *
expected_graph_counts (KlyngeLandscape *landscape)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) mergers = klynge_landscape_list (landscape, KLYNGE_TYPE_MERGER);
  g_autoptr(GPtrArray) contracts = klynge_landscape_list (landscape, KLYNGE_TYPE_CONTRACT);
  guint predecessors = 0, shares = 0;

  for (guint i = 0; i < mergers->len; i++)
    if (klynge_merger_get_status (g_ptr_array_index (mergers, i)) != KLYNGE_MERGER_STATUS_CANCELLED)
      predecessors += g_strv_length ((char **) klynge_merger_get_predecessors (g_ptr_array_index (mergers, i)));
  for (guint i = 0; i < contracts->len; i++)
    shares += klynge_contract_get_shares (g_ptr_array_index (contracts, i))->len;
  g_hash_table_insert (counts, g_strdup ("node:organisation"),
                       GUINT_TO_POINTER (klynge_landscape_count (landscape, KLYNGE_TYPE_ORGANISATION)));
  g_hash_table_insert (counts, g_strdup ("node:member"),
                       GUINT_TO_POINTER (klynge_landscape_count (landscape, KLYNGE_TYPE_MEMBER)));
  g_hash_table_insert (counts, g_strdup ("node:funding-source"),
                       GUINT_TO_POINTER (klynge_landscape_count (landscape, KLYNGE_TYPE_FUNDING_SOURCE)));
  g_hash_table_insert (counts, g_strdup ("edge:membership"), GUINT_TO_POINTER (klynge_landscape_count_memberships (landscape)));
  g_hash_table_insert (counts, g_strdup ("edge:merger"), GUINT_TO_POINTER (predecessors));
  g_hash_table_insert (counts, g_strdup ("edge:funding"), GUINT_TO_POINTER (shares));
  return counts;
}

static void
count_type (GHashTable *counts,
            const char *what,
            const char *type)
{
  char *key = g_strdup_printf ("%s:%s", what, type);
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));

  g_hash_table_insert (counts, key, GUINT_TO_POINTER (n + 1));
}

static void
assert_counts_equal (GHashTable *expected,
                     GHashTable *seen)
{
  GHashTableIter iter;
  gpointer key, value;

  /* every type seen is expected (a type not expected counts 0) */
  g_hash_table_iter_init (&iter, seen);
  while (g_hash_table_iter_next (&iter, &key, &value))
    ck_assert_msg (g_hash_table_contains (expected, key), "unexpected %s", (const char *) key);
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    ck_assert_msg (GPOINTER_TO_UINT (g_hash_table_lookup (seen, key)) == GPOINTER_TO_UINT (value),
                   "%s: %u, expected %u", (const char *) key,
                   GPOINTER_TO_UINT (g_hash_table_lookup (seen, key)), GPOINTER_TO_UINT (value));
}

/* The landscapes the graphs are counted on: the built-in one, every kind
 * of record, a cancelled merger. */
static const char * const graph_landscapes[] = { NULL, "tests/data/valid/full.xml", "tests/data/valid/events.xml" };

static KlyngeLandscape *
load_graph_landscape (const char *name)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  KlyngeLandscape *landscape;

  if (name == NULL)
    return klynge_landscape_new_default ();
  path = klynge_test_path (name);
  landscape = klynge_landscape_load_file (path, &error);
  ck_assert_no_error (error);
  return landscape;
}

START_TEST (test_graphml_has_a_node_and_an_edge_of_each_type_per_record)
{
  g_autoptr(KlyngeLandscape) landscape = load_graph_landscape (graph_landscapes[_i]);
  g_autoptr(GHashTable) expected = expected_graph_counts (landscape);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  xmlDocPtr doc = graphml_doc (landscape);

  for (xmlNodePtr child = find_graph (doc)->children; child != NULL; child = child->next)
    if (is_element (child, "node") || is_element (child, "edge"))
      {
        g_autofree char *type = data_of (child, is_element (child, "node") ? "n-type" : "e-type");

        ck_assert_ptr_nonnull (type);
        count_type (seen, (const char *) child->name, type);
      }
  assert_counts_equal (expected, seen);
  xmlFreeDoc (doc);
}
END_TEST

/* GraphML's attr.type of every key, by id */
static GHashTable *
graphml_key_types (xmlDocPtr doc)
{
  GHashTable *types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (xmlNodePtr child = xmlDocGetRootElement (doc)->children; child != NULL; child = child->next)
    if (is_element (child, "key"))
      {
        char *id = prop (child, "id");

        ck_assert_msg (!g_hash_table_contains (types, id), "key %s declared twice", id);
        g_hash_table_insert (types, id, prop (child, "attr.type"));
      }
  return types;
}

START_TEST (test_graphml_data_are_typed_and_every_key_is_declared)
{
  static const struct { const char *key, *type; } typed[] = {
    { "n-type", "string" },
    { "n-founded", "string" },              /* GraphML has no date type */
    { "n-member-list-complete", "boolean" },
    { "e-since", "string" },
    { "e-time-start", "string" },
    { "e-percent", "double" },
    { "e-amount-known", "boolean" },
    { "e-amount-ore", "long" },
    { "e-amount-dkk", "double" },
  };
  g_autoptr(KlyngeLandscape) landscape = load_graph_landscape ("tests/data/valid/full.xml");
  xmlDocPtr doc = graphml_doc (landscape);
  g_autoptr(GHashTable) types = graphml_key_types (doc);

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    ck_assert_str_eq (g_hash_table_lookup (types, typed[i].key), typed[i].type);
  for (xmlNodePtr element = find_graph (doc)->children; element != NULL; element = element->next)
    for (xmlNodePtr child = element->children; child != NULL; child = child->next)
      if (is_element (child, "data"))
        {
          g_autofree char *key = prop (child, "key");

          ck_assert_msg (g_hash_table_contains (types, key), "data for the undeclared key %s", key);
        }
  xmlFreeDoc (doc);
}
END_TEST

START_TEST (test_graphml_streams_many_memberships)
{
  g_autoptr(KlyngeLandscape) landscape = load_large ();
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) in_memory = NULL;

  ck_assert (klynge_landscape_export_graphml (landscape, stream, NULL, &error));
  ck_assert_no_error (error);
  ck_assert (g_output_stream_close (stream, NULL, NULL));
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  in_memory = klynge_landscape_export_graphml_bytes (landscape, &error);
  ck_assert_no_error (error);
  ck_assert (g_bytes_equal (bytes, in_memory));
  ck_assert_uint_gt (g_bytes_get_size (bytes), 256 * 1024);
}
END_TEST

/* --- GEXF ------------------------------------------------------------------------ */

#define GEXF_NAMESPACE "http://gexf.net/1.3"

static xmlDocPtr
gexf_doc (KlyngeLandscape *landscape)
{
  return graph_doc (landscape, klynge_landscape_export_gexf_bytes, "export.gexf");
}

static gboolean
is_gexf (xmlNodePtr  node,
         const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0
         && node->ns != NULL && strcmp ((const char *) node->ns->href, GEXF_NAMESPACE) == 0;
}

static xmlNodePtr
gexf_child (xmlNodePtr  node,
            const char *name)
{
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    if (is_gexf (child, name))
      return child;
  return NULL;
}

/* The value of <attvalue for="FOR"> of a node or edge, or NULL */
static char *
attvalue_of (xmlNodePtr  node,
             const char *key)
{
  xmlNodePtr values = gexf_child (node, "attvalues");

  for (xmlNodePtr child = values != NULL ? values->children : NULL; child != NULL; child = child->next)
    if (is_gexf (child, "attvalue"))
      {
        g_autofree char *k = prop (child, "for");

        if (g_strcmp0 (k, key) == 0)
          return prop (child, "value");
      }
  return NULL;
}

/* A date as GEXF's timeformat="date" (xsd:date) has it: YYYY-MM-DD. */
static void
assert_xsd_date (const char *text)
{
  g_autoptr(GDate) date = g_date_new ();

  ck_assert_msg (strlen (text) == 10 && text[4] == '-' && text[7] == '-', "“%s” is not YYYY-MM-DD", text);
  g_date_set_parse (date, text);
  ck_assert_msg (g_date_valid (date), "“%s” is not a date", text);
}

/* @value is a value of the GEXF @type. */
static void
assert_gexf_value (const char *type,
                   const char *value)
{
  if (strcmp (type, "long") == 0)
    ck_assert_msg (g_ascii_string_to_signed (value, 10, G_MININT64, G_MAXINT64, NULL, NULL), "“%s” is not a long", value);
  else if (strcmp (type, "double") == 0)
    {
      char *end = NULL;

      g_ascii_strtod (value, &end);
      ck_assert_msg (end != value && *end == '\0', "“%s” is not a double", value);
    }
  else if (strcmp (type, "boolean") == 0)
    ck_assert_msg (strcmp (value, "true") == 0 || strcmp (value, "false") == 0, "“%s” is not a boolean", value);
  else
    ck_assert_str_eq (type, "string");
}

/* The attribute types of one class, by id. */
static GHashTable *
gexf_attribute_types (xmlNodePtr graph,
                      const char *class)
{
  GHashTable *types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (xmlNodePtr attributes = graph->children; attributes != NULL; attributes = attributes->next)
    {
      g_autofree char *c = NULL;

      if (!is_gexf (attributes, "attributes"))
        continue;
      c = prop (attributes, "class");
      if (strcmp (c, class) != 0)
        continue;
      for (xmlNodePtr attribute = attributes->children; attribute != NULL; attribute = attribute->next)
        if (is_gexf (attribute, "attribute"))
          {
            char *id = prop (attribute, "id");

            ck_assert_msg (!g_hash_table_contains (types, id), "attribute %s declared twice", id);
            g_hash_table_insert (types, id, prop (attribute, "type"));
          }
    }
  return types;
}

/* The values of @element (a node or edge): each for a declared attribute,
 * of its type; its start and end dates; its type counted into @seen. */
static void
check_gexf_element (xmlNodePtr  element,
                    GHashTable *types,
                    GHashTable *seen)
{
  xmlNodePtr values = gexf_child (element, "attvalues");
  g_autofree char *start = prop (element, "start");
  g_autofree char *end = prop (element, "end");
  g_autofree char *type = NULL;

  if (start != NULL)
    assert_xsd_date (start);
  if (end != NULL)
    assert_xsd_date (end);
  ck_assert_ptr_nonnull (values);
  for (xmlNodePtr value = values->children; value != NULL; value = value->next)
    if (is_gexf (value, "attvalue"))
      {
        g_autofree char *key = prop (value, "for");
        g_autofree char *text = prop (value, "value");
        const char *attribute_type = g_hash_table_lookup (types, key);

        ck_assert_msg (attribute_type != NULL, "a value for the undeclared attribute %s", key);
        ck_assert_ptr_nonnull (text);
        assert_gexf_value (attribute_type, text);
      }
  type = attvalue_of (element, is_gexf (element, "node") ? "n-type" : "e-type");
  ck_assert_ptr_nonnull (type);
  count_type (seen, (const char *) element->name, type);
}

/* Checks what the GEXF 1.3 schema and a reader need (Debian has no copy
 * of the schema): the root, namespace and version; a directed, dynamic
 * graph with dates; declared attributes; unique node and edge ids; edges
 * between nodes. Counts the nodes and edges of each type into @seen. */
static void
check_gexf (xmlDocPtr   doc,
            GHashTable *seen)
{
  xmlNodePtr root = xmlDocGetRootElement (doc);
  xmlNodePtr graph = gexf_child (root, "graph");
  g_autoptr(GHashTable) node_types = NULL;
  g_autoptr(GHashTable) edge_types = NULL;
  g_autoptr(GHashTable) node_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) edge_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *version = prop (root, "version");
  g_autofree char *edgetype = NULL, *mode = NULL, *timeformat = NULL;

  ck_assert (is_gexf (root, "gexf"));
  ck_assert_str_eq (version, "1.3");
  ck_assert_ptr_nonnull (graph);
  edgetype = prop (graph, "defaultedgetype");
  mode = prop (graph, "mode");
  timeformat = prop (graph, "timeformat");
  ck_assert_str_eq (edgetype, "directed");
  ck_assert_str_eq (mode, "dynamic");
  ck_assert_str_eq (timeformat, "date");
  node_types = gexf_attribute_types (graph, "node");
  edge_types = gexf_attribute_types (graph, "edge");
  ck_assert_ptr_nonnull (gexf_child (graph, "nodes"));
  ck_assert_ptr_nonnull (gexf_child (graph, "edges"));

  for (xmlNodePtr node = gexf_child (graph, "nodes")->children; node != NULL; node = node->next)
    if (is_gexf (node, "node"))
      {
        char *id = prop (node, "id");
        g_autofree char *label = prop (node, "label");

        ck_assert_ptr_nonnull (id);
        ck_assert_ptr_nonnull (label);
        ck_assert_msg (g_hash_table_add (node_ids, id), "node %s twice", id);
        check_gexf_element (node, node_types, seen);
      }
  for (xmlNodePtr edge = gexf_child (graph, "edges")->children; edge != NULL; edge = edge->next)
    if (is_gexf (edge, "edge"))
      {
        char *id = prop (edge, "id");
        g_autofree char *source = prop (edge, "source");
        g_autofree char *target = prop (edge, "target");

        ck_assert_ptr_nonnull (id);
        ck_assert_msg (g_hash_table_add (edge_ids, id), "edge %s twice", id);
        ck_assert_msg (source != NULL && g_hash_table_contains (node_ids, source), "edge %s from no node", id);
        ck_assert_msg (target != NULL && g_hash_table_contains (node_ids, target), "edge %s to no node", id);
        check_gexf_element (edge, edge_types, seen);
      }
}

START_TEST (test_gexf_is_a_dynamic_directed_graph_of_a_node_and_an_edge_of_each_type_per_record)
{
  g_autoptr(KlyngeLandscape) landscape = load_graph_landscape (graph_landscapes[_i]);
  g_autoptr(GHashTable) expected = expected_graph_counts (landscape);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  xmlDocPtr doc = gexf_doc (landscape);

  check_gexf (doc, seen);
  assert_counts_equal (expected, seen);
  xmlFreeDoc (doc);
}
END_TEST

START_TEST (test_gexf_of_an_empty_landscape_has_no_nodes_or_edges)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  xmlDocPtr doc = gexf_doc (landscape);

  check_gexf (doc, seen);
  ck_assert_uint_eq (g_hash_table_size (seen), 0);
  xmlFreeDoc (doc);
}
END_TEST

/* "ID start end start-precision end-precision" of each node or edge */
static char *
gexf_time_spans (xmlDocPtr   doc,
                 const char *what)
{
  xmlNodePtr graph = gexf_child (xmlDocGetRootElement (doc), "graph");
  xmlNodePtr list = gexf_child (graph, strcmp (what, "node") == 0 ? "nodes" : "edges");
  GString *spans = g_string_new (NULL);

  for (xmlNodePtr element = list->children; element != NULL; element = element->next)
    if (is_gexf (element, what))
      {
        gboolean node = strcmp (what, "node") == 0;
        g_autofree char *source = prop (element, "source");
        g_autofree char *target = prop (element, "target");
        g_autofree char *id = node ? prop (element, "id") : g_strdup_printf ("%s>%s", source, target);
        g_autofree char *start = prop (element, "start");
        g_autofree char *end = prop (element, "end");
        g_autofree char *start_precision = attvalue_of (element, node ? "n-time-start-precision" : "e-time-start-precision");
        g_autofree char *end_precision = attvalue_of (element, node ? "n-time-end-precision" : "e-time-end-precision");

        g_string_append_printf (spans, "%s %s %s %s %s\n", id, start ? start : "-", end ? end : "-",
                                start_precision ? start_precision : "-", end_precision ? end_precision : "-");
      }
  return g_string_free (spans, FALSE);
}

START_TEST (test_gexf_nodes_and_edges_start_and_end_on_first_days_with_their_precision)
{
  g_autoptr(KlyngeLandscape) landscape = load_xml (small_xml);
  xmlDocPtr doc = gexf_doc (landscape);
  g_autofree char *nodes = gexf_time_spans (doc, "node");
  g_autofree char *edges = gexf_time_spans (doc, "edge");

  /* founded to dissolved; members and funding sources have no time span */
  ck_assert_str_eq (nodes,
                    "ced 2014-01-01 - year -\n"
                    "a 2014-05-09 2020-06-30 day day\n"
                    "b 2015-01-01 2020-06-30 year day\n"
                    "ab 2020-07-01 - day -\n"
                    "m-1 - - - -\n"
                    "m-2 - - - -\n"
                    "siu - - - -\n"
                    "es - - - -\n");
  /* memberships since to until, mergers from their effective date,
   * funding over the contract's period */
  ck_assert_str_eq (edges,
                    "m-1>a 2019-10-01 - day -\n"
                    "m-2>a 2015-01-01 2019-12-31 year day\n"
                    "m-2>a 2020-03-01 - month -\n"
                    "m-1>ab 2020-07-01 - day -\n"
                    "a>ab 2020-07-01 - day -\n"
                    "b>ab 2020-07-01 - day -\n"
                    "siu>ced 2019-10-01 2021-09-30 day day\n"
                    "es>ced 2019-10-01 2021-09-30 day day\n"
                    "siu>ced 2021-10-01 2022-09-30 month day\n"
                    "es>ced 2021-10-01 2022-09-30 month day\n");
  xmlFreeDoc (doc);
}
END_TEST

START_TEST (test_gexf_funding_edges_split_each_contract_to_the_ore)
{
  g_autoptr(KlyngeLandscape) landscape = load_graph_landscape ("tests/data/valid/full.xml");
  g_autoptr(GHashTable) sums = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) contracts = klynge_landscape_list (landscape, KLYNGE_TYPE_CONTRACT);
  xmlDocPtr doc = gexf_doc (landscape);
  xmlNodePtr edges = gexf_child (gexf_child (xmlDocGetRootElement (doc), "graph"), "edges");
  guint funding = 0;

  for (xmlNodePtr edge = edges->children; edge != NULL; edge = edge->next)
    if (is_gexf (edge, "edge"))
      {
        g_autofree char *type = attvalue_of (edge, "e-type");
        g_autofree char *contract = NULL, *known = NULL, *ore_text = NULL, *dkk_text = NULL;
        gint64 ore;

        if (strcmp (type, "funding") != 0)
          continue;
        funding++;
        contract = attvalue_of (edge, "e-contract");
        known = attvalue_of (edge, "e-amount-known");
        ore_text = attvalue_of (edge, "e-amount-ore");
        dkk_text = attvalue_of (edge, "e-amount-dkk");
        ck_assert_ptr_nonnull (contract);
        ck_assert_ptr_nonnull (known);
        if (strcmp (known, "false") == 0)
          {
            ck_assert_ptr_null (ore_text);
            ck_assert_ptr_null (dkk_text);
            continue;
          }
        ore = g_ascii_strtoll (ore_text, NULL, 10);
        /* kroner: the same amount, to the øre */
        ck_assert_int_eq ((gint64) (g_ascii_strtod (dkk_text, NULL) * 100 + (ore >= 0 ? 0.5 : -0.5)), ore);
        g_hash_table_insert (sums, g_strdup (contract),
                             GSIZE_TO_POINTER (GPOINTER_TO_SIZE (g_hash_table_lookup (sums, contract)) + (gsize) ore));
      }
  ck_assert_uint_gt (funding, 0);
  /* the parts of a contract with a known amount sum to it */
  for (guint i = 0; i < contracts->len; i++)
    {
      KlyngeContract *contract = g_ptr_array_index (contracts, i);

      if (klynge_contract_has_amount (contract))
        ck_assert_uint_eq (GPOINTER_TO_SIZE (g_hash_table_lookup (sums, klynge_record_get_id (KLYNGE_RECORD (contract)))),
                           (gsize) klynge_contract_get_amount (contract));
    }
  xmlFreeDoc (doc);
}
END_TEST

START_TEST (test_gexf_escapes_markup_quotes_and_white_space_in_names)
{
  static const char hostile_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<landscape xmlns=\"urn:klynge:landscape:1\" version=\"1\">\n"
    "  <funding-sources><funding-source id=\"f\" kind=\"private\"><name>&lt;/attvalue&gt;\"&amp;amp;'</name>"
    "<parent>a&#9;b&#10;c&#13;d</parent></funding-source></funding-sources>\n"
    "  <members><member id=\"m\" kind=\"company\"><name>\"/&gt;&lt;node id=\"x\"/&gt;</name></member></members>\n"
    "  <organisations>\n"
    "    <organisation id=\"o\" kind=\"cluster\"><name>Tab&#9;line&#10;return&#13;end &amp; æøå</name>"
    "<membership member=\"m\" since=\"2020\"/></organisation>\n"
    "  </organisations>\n"
    "</landscape>\n";
  g_autoptr(KlyngeLandscape) landscape = load_xml (hostile_xml);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  xmlDocPtr doc = gexf_doc (landscape);
  xmlNodePtr nodes = gexf_child (gexf_child (xmlDocGetRootElement (doc), "graph"), "nodes");
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *parent = NULL;

  check_gexf (doc, seen);
  for (xmlNodePtr node = nodes->children; node != NULL; node = node->next)
    if (is_gexf (node, "node"))
      {
        char *label = prop (node, "label");
        g_autofree char *name = attvalue_of (node, "n-name");

        /* the label is the name, and both come back exactly */
        ck_assert_str_eq (label, name);
        g_ptr_array_add (labels, label);
        if (parent == NULL)
          parent = attvalue_of (node, "n-parent");
      }
  ck_assert_uint_eq (labels->len, 3);
  ck_assert_str_eq (g_ptr_array_index (labels, 0),
                    klynge_organisation_get_name (KLYNGE_ORGANISATION (klynge_landscape_lookup (landscape, "o"))));
  ck_assert_str_eq (g_ptr_array_index (labels, 1), "\"/><node id=\"x\"/>");
  ck_assert_str_eq (g_ptr_array_index (labels, 2), "</attvalue>\"&amp;'");
  ck_assert_str_eq (parent, "a\tb\nc\rd");
  xmlFreeDoc (doc);
}
END_TEST

START_TEST (test_gexf_is_the_same_bytes_every_time_and_streamed_as_in_memory)
{
  g_autoptr(KlyngeLandscape) landscape = load_large ();
  g_autoptr(KlyngeLandscape) again = load_large ();
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) streamed = NULL;
  g_autoptr(GBytes) first = klynge_landscape_export_gexf_bytes (landscape, &error);
  g_autoptr(GBytes) second = klynge_landscape_export_gexf_bytes (again, &error);

  ck_assert_no_error (error);
  ck_assert (g_bytes_equal (first, second));
  ck_assert (klynge_landscape_export_gexf (landscape, stream, NULL, &error));
  ck_assert_no_error (error);
  ck_assert (g_output_stream_close (stream, NULL, NULL));
  streamed = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  ck_assert (g_bytes_equal (streamed, first));
  ck_assert_uint_gt (g_bytes_get_size (first), 256 * 1024);
}
END_TEST

START_TEST (test_gexf_to_a_file_in_no_directory_is_an_io_error)
{
  g_autoptr(KlyngeLandscape) landscape = load_xml (small_xml);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("klynge-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "missing", "out.gexf", NULL);

  ck_assert (!klynge_landscape_export_gexf_file (landscape, path, &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_IO);
  ck_assert_int_eq (g_rmdir (dir), 0);
}
END_TEST

static Suite *
export_suite (void)
{
  Suite *s = suite_create ("export");
  TCase *tc;

  tc = tcase_create ("csv");
  tcase_add_test (tc, test_csv_kinds_are_listed_in_a_stable_order);
  tcase_add_test (tc, test_csv_identifiers_are_a_table_of_funding_sources_then_organisations);
  tcase_add_test (tc, test_csv_programmes_envelopes_and_designations_are_tables_in_document_order);
  tcase_add_test (tc, test_csv_area_tables_name_each_area_s_scheme);
  tcase_add_test (tc, test_csv_organisation_table_quotes_commas_quotes_and_line_breaks);
  tcase_add_test (tc, test_csv_member_table_has_cvr_kind_size_and_quoted_names);
  tcase_add_test (tc, test_csv_membership_dates_are_first_days_with_their_precision);
  tcase_add_test (tc, test_csv_membership_has_role_and_end_reason);
  tcase_add_test (tc, test_csv_funding_source_table);
  tcase_add_test (tc, test_csv_amounts_are_whole_numbers_of_ore_with_the_decimals_they_were_written_with);
  tcase_add_test (tc, test_csv_percents_keep_their_decimals_and_shares_give_the_library_split);
  tcase_add_test (tc, test_csv_merger_joins_predecessors);
  tcase_add_test (tc, test_csv_initiative_table);
  tcase_add_test (tc, test_csv_participants_say_whether_each_is_an_organisation_or_a_member);
  tcase_add_test (tc, test_csv_multi_valued_tables_give_one_row_per_value);
  tcase_add_test (tc, test_csv_location_table_gives_region_and_municipality_as_stated);
  tcase_add_test (tc, test_csv_plural_columns_escape_the_separator_and_split_back_exactly);
  tcase_add_test (tc, test_csv_of_an_empty_landscape_is_the_header_alone);
  tcase_add_loop_test (tc, test_csv_unknown_kind_is_bad_enum, 0, G_N_ELEMENTS (bad_kinds));
  tcase_add_test (tc, test_csv_to_a_stream_equals_csv_in_memory);
  tcase_add_test (tc, test_csv_every_table_has_the_described_header_and_as_many_fields_in_every_row);
  suite_add_tcase (s, tc);

  tc = tcase_create ("streaming");
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_csv_streams_many_memberships_in_order);
  tcase_add_test (tc, test_csv_to_a_closed_stream_is_an_io_error);
  tcase_add_test (tc, test_export_with_a_cancelled_cancellable_is_cancelled);
  tcase_add_test (tc, test_graphml_streams_many_memberships);
  tcase_add_loop_test (tc, test_exports_to_files_equal_the_exports_in_memory_and_replace_old_files,
                       0, G_N_ELEMENTS (file_exports));
  tcase_add_loop_test (tc, test_exports_to_files_are_whole_wherever_direct_io_begins,
                       0, G_N_ELEMENTS (file_exports));
  tcase_add_loop_test (tc, test_exports_to_files_failing_at_any_write_fsync_or_rename_leave_nothing,
                       0, G_N_ELEMENTS (file_exports));
  tcase_add_loop_test (tc, test_exports_to_files_refuse_what_is_not_a_regular_file,
                       0, G_N_ELEMENTS (file_exports));
  tcase_add_test (tc, test_csv_file_of_an_unknown_kind_is_bad_enum_and_writes_nothing);
  tcase_add_test (tc, test_tables_are_written_into_a_new_directory_with_the_descriptor);
  tcase_add_test (tc, test_tables_replace_their_files_and_leave_other_files_alone);
  tcase_add_test (tc, test_datapackage_descriptor_is_the_same_every_time);
  tcase_add_test (tc, test_tables_failing_at_any_write_fsync_or_rename_leave_the_directory_as_it_was);
  tcase_add_test (tc, test_tables_into_a_new_directory_failing_leave_no_directory);
  tcase_add_test (tc, test_tables_into_what_is_not_a_directory_are_an_io_error);
  tcase_add_test (tc, test_tables_with_a_cancelled_cancellable_are_cancelled_and_leave_nothing);
  tcase_add_test (tc, test_tables_remove_the_hidden_directories_killed_exports_left);
  suite_add_tcase (s, tc);

  tc = tcase_create ("graphml");
  tcase_add_test (tc, test_graphml_has_organisations_and_members_as_nodes);
  tcase_add_test (tc, test_graphml_gives_an_organisations_identifiers_as_one_value);
  tcase_add_test (tc, test_graphml_gives_a_known_until_date_with_its_precision);
  tcase_add_test (tc, test_graphml_has_memberships_mergers_and_funding_as_edges);
  tcase_add_test (tc, test_graphml_draws_transfers_and_renames_with_their_kind_and_no_cancelled_merger);
  tcase_add_test (tc, test_graphml_membership_edges_have_role_and_end_reason);
  tcase_add_test (tc, test_graphml_of_an_empty_landscape_is_an_empty_graph);
  tcase_add_loop_test (tc, test_graphml_has_a_node_and_an_edge_of_each_type_per_record, 0, G_N_ELEMENTS (graph_landscapes));
  tcase_add_test (tc, test_graphml_data_are_typed_and_every_key_is_declared);
  suite_add_tcase (s, tc);

  tc = tcase_create ("gexf");
  tcase_add_loop_test (tc, test_gexf_is_a_dynamic_directed_graph_of_a_node_and_an_edge_of_each_type_per_record,
                       0, G_N_ELEMENTS (graph_landscapes));
  tcase_add_test (tc, test_gexf_of_an_empty_landscape_has_no_nodes_or_edges);
  tcase_add_test (tc, test_gexf_nodes_and_edges_start_and_end_on_first_days_with_their_precision);
  tcase_add_test (tc, test_gexf_funding_edges_split_each_contract_to_the_ore);
  tcase_add_test (tc, test_gexf_escapes_markup_quotes_and_white_space_in_names);
  tcase_add_test (tc, test_gexf_is_the_same_bytes_every_time_and_streamed_as_in_memory);
  tcase_add_test (tc, test_gexf_to_a_file_in_no_directory_is_an_io_error);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return klynge_test_run (export_suite ());
}
