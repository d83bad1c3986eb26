/* klynge-tables.c: the one description of the tables
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "klynge-private.h"
#include "klynge-tables-private.h"

#include <string.h>

#define COLUMNS(array) array, G_N_ELEMENTS (array)

/* The parts of a column description that repeat. */
#define ID(what)            { "id", KLYNGE_COLUMN_ID, TRUE, NULL, NULL, NULL, NULL, "the " what "'s id" }
#define REF(name, table, required, text) \
                            { name, KLYNGE_COLUMN_REF, required, NULL, NULL, NULL, table, text }
#define TEXT(name, required, text) \
                            { name, KLYNGE_COLUMN_TEXT, required, NULL, NULL, NULL, NULL, text }
#define ENUM(name, type, required, text) \
                            { name, KLYNGE_COLUMN_ENUM, required, type, NULL, NULL, NULL, text }
#define ENUM_ABSENT(name, type, absent, text) \
                            { name, KLYNGE_COLUMN_ENUM, FALSE, type, NULL, absent, NULL, text }
#define DATE(name, required, text) \
                            { name, KLYNGE_COLUMN_DATE, required, NULL, NULL, NULL, NULL, text }, \
                            { name "_precision", KLYNGE_COLUMN_PRECISION, required, \
                              klynge_date_precision_get_type, NULL, "none", NULL, \
                              "how much of " name " is known: year, month or day" }
/* The XML keeps how many decimals an amount was written with (`8000000`,
 * `8000000.00`): the tables keep it beside the øre, as a date's precision,
 * so that XML → tables → XML gives the same bytes. */
#define AMOUNT_DECIMALS     { "amount_decimals", KLYNGE_COLUMN_DECIMALS, FALSE, NULL, NULL, NULL, NULL, \
                              "how many decimals its source wrote amount_ore with in kroner: 0, 1 " \
                              "or 2; empty for 2 and when there is no amount" }
#define LIST(name, text)    { name, KLYNGE_COLUMN_LIST, FALSE, NULL, NULL, NULL, NULL, text }
#define PROVENANCE          LIST ("sources", "the addresses of the record's sources, in order " \
                                             "(the table source has them in full)"), \
                            TEXT ("note", FALSE, "what the sources leave open")

static const KlyngeColumn organisation_columns[] = {
  ID ("organisation"),
  ENUM ("kind", klynge_organisation_kind_get_type, TRUE, "what kind of body it is"),
  DATE ("founded", FALSE, "when it was founded"),
  DATE ("dissolved", FALSE, "its last day"),
  DATE ("known_until", FALSE, "the last day the sources know it on"),
  { "cvr", KLYNGE_COLUMN_CVR, FALSE, NULL, NULL, NULL, NULL, "its CVR number" },
  ENUM ("member_list", klynge_member_list_get_type, FALSE,
        "whether its memberships are its whole member list; empty when not stated, "
        "which means unknown"),
  TEXT ("name", TRUE, "its name"),
  TEXT ("name_en", FALSE, "its name in English"),
  TEXT ("website", FALSE, "its website"),
  LIST ("cities", "the cities of its locations, in order (the table location has them in full)"),
  LIST ("focus_areas", "its focus areas, in order (the table focus-area has their schemes)"),
  PROVENANCE,
};

static const KlyngeColumn member_columns[] = {
  ID ("member"),
  { "cvr", KLYNGE_COLUMN_CVR, FALSE, NULL, NULL, NULL, NULL, "its CVR number" },
  ENUM ("kind", klynge_member_kind_get_type, TRUE, "what kind of member it is"),
  ENUM_ABSENT ("size", klynge_member_size_get_type, "unknown", "its size"),
  TEXT ("name", TRUE, "its name"),
  PROVENANCE,
};

static const KlyngeColumn membership_columns[] = {
  REF ("organisation", "organisation", TRUE, "the organisation it is a member of"),
  REF ("member", "member", TRUE, "the member"),
  DATE ("since", FALSE, "its first day"),
  DATE ("until", FALSE, "its last day"),
  ENUM ("role", klynge_membership_role_get_type, FALSE, "the member's role"),
  ENUM_ABSENT ("end", klynge_membership_end_get_type, "none", "why it ended"),
};

static const KlyngeColumn funding_source_columns[] = {
  ID ("funding source"),
  ENUM ("kind", klynge_funding_source_kind_get_type, TRUE, "what kind of funder it is"),
  TEXT ("name", TRUE, "its name"),
  TEXT ("parent", FALSE, "the body it belongs to"),
  PROVENANCE,
};

static const KlyngeColumn contract_columns[] = {
  ID ("contract"),
  REF ("holder", "organisation", TRUE, "the organisation that holds it"),
  DATE ("start", TRUE, "the first day of its period"),
  DATE ("end", TRUE, "the last day of its period"),
  { "amount_ore", KLYNGE_COLUMN_ORE, FALSE, NULL, NULL, NULL, NULL,
    "its amount in øre (1 krone = 100 øre); empty when not known" },
  AMOUNT_DECIMALS,
  REF ("renews", "contract", FALSE, "the contract it renews"),
  REF ("programme", "programme", FALSE, "the programme it is under"),
  PROVENANCE,
};

static const KlyngeColumn share_columns[] = {
  REF ("contract", "contract", TRUE, "the contract"),
  REF ("source", "funding-source", TRUE, "the funding source"),
  { "percent", KLYNGE_COLUMN_PERCENT, TRUE, NULL, NULL, NULL, NULL,
    "its share of the contract, with the decimals it was written with; a contract's "
    "shares sum to 100" },
  { "amount_ore", KLYNGE_COLUMN_SHARE_ORE, FALSE, NULL, NULL, NULL, NULL,
    "what the source pays of the contract, in øre, as the library splits its amount "
    "(whole øre, the øre left over to the largest remainders); empty when the "
    "contract's amount is not known; checked when read" },
};

static const KlyngeColumn programme_columns[] = {
  ID ("programme"),
  ENUM ("kind", klynge_programme_kind_get_type, TRUE, "what kind of programme it is"),
  DATE ("start", FALSE, "its first day"),
  DATE ("end", FALSE, "its last day"),
  TEXT ("name", TRUE, "its name"),
  PROVENANCE,
};

static const KlyngeColumn envelope_columns[] = {
  REF ("programme", "programme", TRUE, "the programme"),
  REF ("source", "funding-source", TRUE, "the funding source that sets it aside"),
  DATE ("start", TRUE, "the first day of its period"),
  DATE ("end", TRUE, "the last day of its period"),
  { "amount_ore", KLYNGE_COLUMN_ORE, TRUE, NULL, NULL, NULL, NULL, "its amount in øre" },
  AMOUNT_DECIMALS,
};

static const KlyngeColumn designation_columns[] = {
  REF ("programme", "programme", TRUE, "the programme"),
  REF ("organisation", "organisation", TRUE, "the designated organisation"),
  ENUM ("role", klynge_designation_role_get_type, TRUE, "what it is designated as"),
  TEXT ("area", FALSE, "the area it is designated for"),
  TEXT ("area_scheme", FALSE, "the vocabulary of the area"),
  DATE ("start", TRUE, "its first day"),
  DATE ("end", FALSE, "its last day"),
};

static const KlyngeColumn merger_columns[] = {
  ID ("merger"),
  DATE ("effective", TRUE, "the day it takes effect"),
  REF ("successor", "organisation", TRUE, "the organisation that continues"),
  ENUM ("kind", klynge_merger_kind_get_type, TRUE, "what kind of event it is"),
  ENUM ("status", klynge_merger_status_get_type, TRUE, "whether it happened"),
  LIST ("predecessors", "the ids of its predecessors, in order (the table predecessor has them too)"),
  PROVENANCE,
};

static const KlyngeColumn initiative_columns[] = {
  ID ("initiative"),
  ENUM ("kind", klynge_initiative_kind_get_type, TRUE, "what kind of initiative it is"),
  ENUM ("theme", klynge_initiative_theme_get_type, TRUE, "its theme"),
  REF ("host", "organisation", TRUE, "the organisation that hosts it"),
  DATE ("start", FALSE, "its first day"),
  DATE ("end", FALSE, "its last day"),
  REF ("replaces", "initiative", FALSE, "the initiative it replaces"),
  TEXT ("title", TRUE, "its title"),
  LIST ("participants", "the ids of its participants, in order (the table participant has them too)"),
  { "participants_count", KLYNGE_COLUMN_COUNT, FALSE, NULL, NULL, NULL, NULL,
    "how many took part, as its sources state it" },
  PROVENANCE,
};

static const KlyngeColumn location_columns[] = {
  REF ("organisation", "organisation", TRUE, "the organisation"),
  TEXT ("city", TRUE, "the city"),
  TEXT ("address", FALSE, "the street address"),
  TEXT ("role", FALSE, "what the organisation does there"),
  TEXT ("region", FALSE, "the region's code (data/regions.tsv)"),
  TEXT ("municipality", FALSE, "the municipality's code (data/municipalities.tsv)"),
};

static const KlyngeColumn focus_area_columns[] = {
  REF ("organisation", "organisation", TRUE, "the organisation"),
  TEXT ("focus_area", TRUE, "the focus area"),
  TEXT ("scheme", FALSE, "the vocabulary it is from"),
};

static const KlyngeColumn label_columns[] = {
  REF ("organisation", "organisation", TRUE, "the organisation"),
  ENUM ("level", klynge_label_level_get_type, TRUE, "the label's level"),
  DATE ("awarded", TRUE, "when it was awarded"),
  DATE ("valid_until", FALSE, "its last valid day"),
};

static const KlyngeColumn predecessor_columns[] = {
  REF ("merger", "merger", TRUE, "the merger"),
  REF ("ref", "organisation", TRUE, "the predecessor"),
};

static const char * const participant_kinds[] = { "organisation", "member", NULL };

static const KlyngeColumn participant_columns[] = {
  REF ("initiative", "initiative", TRUE, "the initiative"),
  TEXT ("ref", TRUE, "the id of the organisation or member that took part"),
  { "kind", KLYNGE_COLUMN_ENUM, FALSE, NULL, participant_kinds, NULL, NULL,
    "whether ref names an organisation or a member" },
};

static const KlyngeColumn source_columns[] = {
  TEXT ("record", TRUE, "the id of the record it is a source of"),
  TEXT ("href", TRUE, "the source's address"),
  DATE ("accessed", FALSE, "when it was read"),
};

static const KlyngeColumn identifier_columns[] = {
  TEXT ("record", TRUE, "the id of the organisation or funding source"),
  ENUM ("scheme", klynge_identifier_scheme_get_type, TRUE, "the register"),
  TEXT ("value", TRUE, "the identifier in that register"),
  DATE ("since", FALSE, "its first day"),
  DATE ("until", FALSE, "its last day"),
};

static const char * const key_id[] = { "id", NULL };
static const char * const key_share[] = { "contract", "source", NULL };

static const KlyngeTable tables[] = {
  { "organisation", "cluster organisations, innovation networks and other bodies",
    COLUMNS (organisation_columns), key_id },
  { "member", "companies and institutions that are members", COLUMNS (member_columns), key_id },
  { "membership", "who is a member of which organisation, and when", COLUMNS (membership_columns), NULL },
  { "funding-source", "agencies and others that fund", COLUMNS (funding_source_columns), key_id },
  { "contract", "funding contracts", COLUMNS (contract_columns), key_id },
  { "share", "who funds which part of a contract", COLUMNS (share_columns), key_share },
  { "programme", "funding and designation programmes", COLUMNS (programme_columns), key_id },
  { "envelope", "what a funding source sets aside for a programme", COLUMNS (envelope_columns), NULL },
  { "designation", "organisations a programme designates", COLUMNS (designation_columns), NULL },
  { "merger", "mergers, transfers and renames", COLUMNS (merger_columns), key_id },
  { "initiative", "the support body's initiatives", COLUMNS (initiative_columns), key_id },
  { "location", "where organisations are", COLUMNS (location_columns), NULL },
  { "focus-area", "what organisations work on", COLUMNS (focus_area_columns), NULL },
  { "label", "cluster excellence labels", COLUMNS (label_columns), NULL },
  { "predecessor", "the predecessors of each merger", COLUMNS (predecessor_columns), NULL },
  { "participant", "who took part in each initiative", COLUMNS (participant_columns), NULL },
  { "source", "the sources every record cites", COLUMNS (source_columns), NULL },
  { "identifier", "identifiers in other registers", COLUMNS (identifier_columns), NULL },
};

const KlyngeTable *
_klynge_tables (guint *n_tables)
{
  *n_tables = G_N_ELEMENTS (tables);
  return tables;
}

const KlyngeTable *
_klynge_table_lookup (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (strcmp (tables[i].name, name) == 0)
      return &tables[i];
  return NULL;
}

int
_klynge_table_column_index (const KlyngeTable *table,
                            const char        *name)
{
  for (guint i = 0; i < table->n_columns; i++)
    if (strcmp (table->columns[i].name, name) == 0)
      return (int) i;
  return -1;
}

void
_klynge_table_list_append (GString    *out,
                           guint       index,
                           const char *value)
{
  const char separator = KLYNGE_CSV_LIST_SEPARATOR[0];

  if (index > 0)
    g_string_append_c (out, separator);
  if (value == NULL)
    return;
  if (strpbrk (value, KLYNGE_CSV_LIST_SEPARATOR "\\") == NULL)
    {
      g_string_append (out, value);
      return;
    }
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == separator || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

char **
_klynge_table_list_split (const char *text)
{
  const char separator = KLYNGE_CSV_LIST_SEPARATOR[0];
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GString) item = g_string_new (NULL);

  for (const char *p = text;; p++)
    {
      if (*p == '\\')
        {
          if (p[1] != separator && p[1] != '\\')
            return NULL;
          g_string_append_c (item, *++p);
        }
      else if (*p == separator || *p == '\0')
        {
          g_strv_builder_add (builder, item->str);
          g_string_truncate (item, 0);
          if (*p == '\0')
            break;
        }
      else
        g_string_append_c (item, *p);
    }
  return g_strv_builder_end (builder);
}

/* The nicks of each enum column, made once, in the type's own order. */
const char * const *
_klynge_column_values (const KlyngeColumn *column)
{
  static GHashTable *nicks_of_column;   /* column → char **, never freed */
  G_LOCK_DEFINE_STATIC (nicks);
  const char * const *values;
  GType type;

  if (column->values != NULL || column->enum_type == NULL)
    return column->values;

  type = column->enum_type ();
  G_LOCK (nicks);
  if (nicks_of_column == NULL)
    nicks_of_column = g_hash_table_new (NULL, NULL);
  values = g_hash_table_lookup (nicks_of_column, column);
  if (values == NULL)
    {
      GEnumClass *klass = g_type_class_ref (type);
      GStrvBuilder *builder = g_strv_builder_new ();
      char **made;

      for (guint i = 0; i < klass->n_values; i++)
        if (column->absent == NULL || strcmp (klass->values[i].value_nick, column->absent) != 0)
          g_strv_builder_add (builder, klass->values[i].value_nick);
      made = g_strv_builder_end (builder);
      g_strv_builder_unref (builder);
      g_type_class_unref (klass);
      g_hash_table_insert (nicks_of_column, (gpointer) column, made);
      values = (const char * const *) made;
    }
  G_UNLOCK (nicks);
  return values;
}

/* --- the Data Package descriptor ---------------------------------------- */

/* The descriptor is JSON written by hand, indented by two spaces, its
 * members in a fixed order: the same tables give the same bytes. */

typedef struct {
  GString *out;
  guint depth;
  gboolean first;               /* nothing yet in the innermost object or array */
} Json;

/* @text as a JSON string: `"` and `\` escaped, control characters as
 * \uXXXX (or their short forms); the rest, UTF-8, as it is. */
static void
json_string (GString    *out,
             const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '"':
        g_string_append (out, "\\\"");
        break;
      case '\\':
        g_string_append (out, "\\\\");
        break;
      case '\n':
        g_string_append (out, "\\n");
        break;
      case '\r':
        g_string_append (out, "\\r");
        break;
      case '\t':
        g_string_append (out, "\\t");
        break;
      default:
        if ((guchar) *p < 0x20)
          g_string_append_printf (out, "\\u%04x", (guint) (guchar) *p);
        else
          g_string_append_c (out, *p);
      }
  g_string_append_c (out, '"');
}

/* What comes before a member (with @key) or an element (@key %NULL). */
static void
json_item (Json       *json,
           const char *key)
{
  if (json->depth > 0)
    {
      if (!json->first)
        g_string_append_c (json->out, ',');
      g_string_append_c (json->out, '\n');
      for (guint i = 0; i < json->depth; i++)
        g_string_append (json->out, "  ");
    }
  json->first = FALSE;
  if (key != NULL)
    {
      json_string (json->out, key);
      g_string_append (json->out, ": ");
    }
}

static void
json_open (Json       *json,
           const char *key,
           char        bracket)
{
  json_item (json, key);
  g_string_append_c (json->out, bracket);
  json->depth++;
  json->first = TRUE;
}

static void
json_close (Json *json,
            char  bracket)
{
  json->depth--;
  if (!json->first)
    {
      g_string_append_c (json->out, '\n');
      for (guint i = 0; i < json->depth; i++)
        g_string_append (json->out, "  ");
    }
  g_string_append_c (json->out, bracket);
  json->first = FALSE;
}

static void
json_member (Json       *json,
             const char *key,
             const char *value)
{
  json_item (json, key);
  json_string (json->out, value);
}

/* A number or `true`, as it is. */
static void
json_literal (Json       *json,
              const char *key,
              const char *literal)
{
  json_item (json, key);
  g_string_append (json->out, literal);
}

/* An array of strings, on one line. */
static void
json_strings (Json               *json,
              const char         *key,
              const char * const *values)
{
  json_item (json, key);
  g_string_append_c (json->out, '[');
  for (guint i = 0; values[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (json->out, ", ");
      json_string (json->out, values[i]);
    }
  g_string_append_c (json->out, ']');
}

static void
datapackage_field (Json               *json,
                   const KlyngeColumn *column)
{
  static const char * const precisions[] = { "year", "month", "day", NULL };
  const char *type = "string";
  g_autofree char *list_description = NULL;
  const char *description = column->description;

  switch (column->type)
    {
    case KLYNGE_COLUMN_DATE:
      type = "date";
      break;
    case KLYNGE_COLUMN_ORE:
    case KLYNGE_COLUMN_SHARE_ORE:
    case KLYNGE_COLUMN_COUNT:
    case KLYNGE_COLUMN_DECIMALS:
      type = "integer";
      break;
    case KLYNGE_COLUMN_PERCENT:
      type = "number";
      break;
    case KLYNGE_COLUMN_LIST:
      list_description = g_strdup_printf ("%s; the values joined by “" KLYNGE_CSV_LIST_SEPARATOR
                                          "”, a “" KLYNGE_CSV_LIST_SEPARATOR "” or “\\” in a value "
                                          "escaped with “\\”", description);
      description = list_description;
      break;
    case KLYNGE_COLUMN_TEXT:
    case KLYNGE_COLUMN_ID:
    case KLYNGE_COLUMN_REF:
    case KLYNGE_COLUMN_PRECISION:
    case KLYNGE_COLUMN_CVR:
    case KLYNGE_COLUMN_ENUM:
    default:
      break;
    }

  json_open (json, NULL, '{');
  json_member (json, "name", column->name);
  json_member (json, "type", type);
  json_member (json, "description", description);
  json_open (json, "constraints", '{');
  json_literal (json, "required", column->required ? "true" : "false");
  switch (column->type)
    {
    case KLYNGE_COLUMN_ENUM:
      json_strings (json, "enum", _klynge_column_values (column));
      break;
    case KLYNGE_COLUMN_PRECISION:
      /* the nicks of the date's precision but "none", which is no date */
      g_assert (g_strv_equal ((const char * const *) _klynge_column_values (column), precisions));
      json_strings (json, "enum", precisions);
      break;
    case KLYNGE_COLUMN_CVR:
      json_member (json, "pattern", "^[0-9]{8}$");
      break;
    case KLYNGE_COLUMN_ORE:
    case KLYNGE_COLUMN_SHARE_ORE:
    case KLYNGE_COLUMN_COUNT:
      json_literal (json, "minimum", "0");
      break;
    case KLYNGE_COLUMN_PERCENT:
      json_literal (json, "minimum", "0");
      json_literal (json, "maximum", "100");
      break;
    case KLYNGE_COLUMN_DECIMALS:
      json_literal (json, "minimum", "0");
      json_literal (json, "maximum", "2");
      break;
    case KLYNGE_COLUMN_TEXT:
    case KLYNGE_COLUMN_ID:
    case KLYNGE_COLUMN_REF:
    case KLYNGE_COLUMN_DATE:
    case KLYNGE_COLUMN_LIST:
    default:
      break;
    }
  json_close (json, '}');
  json_close (json, '}');
}

static void
datapackage_resource (Json              *json,
                      const KlyngeTable *table)
{
  static const char * const missing[] = { "", NULL };
  g_autofree char *path = g_strconcat (table->name, ".csv", NULL);
  gboolean any_reference = FALSE;

  json_open (json, NULL, '{');
  json_member (json, "name", table->name);
  json_member (json, "type", "table");
  json_member (json, "path", path);
  json_member (json, "format", "csv");
  json_member (json, "mediatype", "text/csv");
  json_member (json, "encoding", "utf-8");
  json_member (json, "description", table->description);
  json_open (json, "schema", '{');
  json_open (json, "fields", '[');
  for (guint i = 0; i < table->n_columns; i++)
    datapackage_field (json, &table->columns[i]);
  json_close (json, ']');
  json_strings (json, "missingValues", missing);
  if (table->primary_key != NULL)
    json_strings (json, "primaryKey", table->primary_key);
  for (guint i = 0; i < table->n_columns; i++)
    {
      const KlyngeColumn *column = &table->columns[i];
      const char * const fields[] = { column->name, NULL };

      if (column->type != KLYNGE_COLUMN_REF)
        continue;
      if (!any_reference)
        json_open (json, "foreignKeys", '[');
      any_reference = TRUE;
      json_open (json, NULL, '{');
      json_strings (json, "fields", fields);
      json_open (json, "reference", '{');
      json_member (json, "resource", column->ref_table);
      json_strings (json, "fields", key_id);
      json_close (json, '}');
      json_close (json, '}');
    }
  if (any_reference)
    json_close (json, ']');
  json_close (json, '}');
  json_close (json, '}');
}

GString *
_klynge_tables_datapackage (void)
{
  Json json = { g_string_new (NULL), 0, TRUE };
  guint n_tables = G_N_ELEMENTS (tables);

  json_open (&json, NULL, '{');
  json_member (&json, "$schema", "https://datapackage.org/profiles/2.0/datapackage.json");
  json_member (&json, "name", "klynge-landscape");
  json_member (&json, "title", "A landscape of clusters, their members and their funding");
  json_member (&json, "description",
               "The tables of a klynge landscape (docs/format.md, “Tables”): one row per record, "
               "in the order of the XML document. A date column X holds the first day the date "
               "stands for and X_precision how much of it is known; amount_ore is a whole number "
               "of øre (1 krone = 100 øre).");
  json_open (&json, "resources", '[');
  for (guint i = 0; i < n_tables; i++)
    datapackage_resource (&json, &tables[i]);
  json_close (&json, ']');
  json_close (&json, '}');
  g_string_append_c (json.out, '\n');
  return json.out;
}
