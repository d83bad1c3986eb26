/* klynge-graph-export.c: the GraphML and GEXF graphs of a landscape
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * One walk over the landscape gives both graphs: the nodes, the edges and
 * their values are the same, only the syntax differs (a GraphSyntax).
 * Like the CSV tables they stream through the buffered emitter and read
 * members and memberships from the compact storage.
 */
#include "config.h"

#include <string.h>

#include "klynge-export-private.h"

/**
 * SECTION:klynge-graph-export
 * @title: GraphML and GEXF exports
 * @short_description: a landscape as a graph for Gephi, NetworkX or igraph
 *
 * klynge_landscape_export_graphml() and klynge_landscape_export_gexf()
 * write the same directed graph, in GraphML and in GEXF 1.3 (whose
 * `start` and `end` drive Gephi's timeline).
 *
 * Nodes, with the record id as node id, in landscape order: the
 * organisations, then the members, then the funding sources. Edges, in
 * landscape order: memberships (member → organisation; a member with
 * several memberships of one organisation gives parallel edges), then
 * completed or planned mergers of every kind (each predecessor → the
 * successor; a cancelled one is not drawn), then funding (each share of
 * a contract: funding source → the contract's holder). References that
 * name no node (in a landscape that does not validate) give no edge.
 *
 * Every node and edge has a time span: an organisation's is founded to
 * dissolved, a membership's since to until, a merger's starts on its
 * effective date, a funding edge's is the contract's period; members and
 * funding sources have none. GEXF writes it as the `start` and `end` of
 * the node or edge, GraphML as the data `time-start` and `time-end`,
 * both as the first day the date stands for (`YYYY-MM-DD`), with
 * `time-start-precision` and `time-end-precision` (`year`, `month` or
 * `day`) as the CSV export's `_precision` columns. The dates themselves
 * (`founded`, `since`, `effective`, ...) are written as the XML writes
 * them (`2014`, `2020-05`, `2019-10-01`) and typed as strings: GraphML
 * has no date type, and NetworkX cannot read GEXF's.
 *
 * The values, each left out when the record does not state it:
 *
 * | for | name | type | what |
 * |---|---|---|---|
 * | node | `type` | string | `organisation`, `member` or `funding-source` |
 * | node | `kind` | string | the record's kind |
 * | node | `name` | string | its name (GEXF: also the node's `label`) |
 * | node | `founded`, `dissolved`, `known-until` | string | an organisation's dates |
 * | node | `cvr` | string | CVR number |
 * | node | `size` | string | a member's size |
 * | node | `identifiers` | string | identifiers in outside registers, each `scheme:value`, joined and escaped as the CSV plural columns are |
 * | node | `member-list` | string | an organisation's member list, when stated |
 * | node | `member-list-complete` | boolean | whether the member list is complete, when stated and not `unknown` |
 * | node | `parent` | string | a funding source's parent |
 * | edge | `type` | string | `membership`, `merger` or `funding` |
 * | edge | `since`, `until`, `role`, `end` | string | a membership's dates, role and end reason |
 * | edge | `merger`, `effective`, `kind`, `status` | string | a merger's id, date, kind (`merger`, `absorption`, `transfer`, `rename`) and status |
 * | edge | `contract`, `programme` | string | a funding edge's contract and its programme |
 * | edge | `percent` | double | the source's share of the contract |
 * | edge | `amount-known` | boolean | whether the contract's amount is known |
 * | edge | `amount-ore` | long | the source's part of the amount in øre (klynge_contract_share_amount()), when known |
 * | edge | `amount-dkk` | double | the same in kroner |
 * | both | `time-start`, `time-end` | string | GraphML only: the time span |
 * | both | `time-start-precision`, `time-end-precision` | string | the precision of the time span's dates |
 *
 * GraphML key ids are `n-` or `e-` and the name (`n-known-until`,
 * `e-amount-ore`); GEXF attribute ids are the same, with the name as the
 * title. GEXF edge ids count the edges from `0`. The output is the same
 * bytes for the same landscape.
 */

/* --- what both graphs say ------------------------------------------------ */

typedef enum {
  VALUE_STRING,
  VALUE_LONG,
  VALUE_DOUBLE,
  VALUE_BOOLEAN,
} ValueType;

/* The type names GraphML's attr.type and GEXF's type share. */
static const char * const value_type_names[] = { "string", "long", "double", "boolean" };

typedef struct {
  const char *id;
  const char *name;
  ValueType type;
  gboolean graphml_only;        /* GEXF says it in the element's start or end */
} GraphKey;

/* The first nine node keys and nine edge keys, and their order, are those
 * GraphML had before GEXF; the rest came with it. */
static const GraphKey node_keys[] = {
  { "n-type", "type", VALUE_STRING, FALSE },
  { "n-kind", "kind", VALUE_STRING, FALSE },
  { "n-name", "name", VALUE_STRING, FALSE },
  { "n-founded", "founded", VALUE_STRING, FALSE },
  { "n-dissolved", "dissolved", VALUE_STRING, FALSE },
  { "n-known-until", "known-until", VALUE_STRING, FALSE },
  { "n-cvr", "cvr", VALUE_STRING, FALSE },
  { "n-size", "size", VALUE_STRING, FALSE },
  { "n-identifiers", "identifiers", VALUE_STRING, FALSE },
  { "n-member-list", "member-list", VALUE_STRING, FALSE },
  { "n-member-list-complete", "member-list-complete", VALUE_BOOLEAN, FALSE },
  { "n-parent", "parent", VALUE_STRING, FALSE },
  { "n-time-start", "time-start", VALUE_STRING, TRUE },
  { "n-time-start-precision", "time-start-precision", VALUE_STRING, FALSE },
  { "n-time-end", "time-end", VALUE_STRING, TRUE },
  { "n-time-end-precision", "time-end-precision", VALUE_STRING, FALSE },
};

static const GraphKey edge_keys[] = {
  { "e-type", "type", VALUE_STRING, FALSE },
  { "e-since", "since", VALUE_STRING, FALSE },
  { "e-until", "until", VALUE_STRING, FALSE },
  { "e-role", "role", VALUE_STRING, FALSE },
  { "e-end", "end", VALUE_STRING, FALSE },
  { "e-merger", "merger", VALUE_STRING, FALSE },
  { "e-effective", "effective", VALUE_STRING, FALSE },
  { "e-kind", "kind", VALUE_STRING, FALSE },
  { "e-status", "status", VALUE_STRING, FALSE },
  { "e-contract", "contract", VALUE_STRING, FALSE },
  { "e-programme", "programme", VALUE_STRING, FALSE },
  { "e-percent", "percent", VALUE_DOUBLE, FALSE },
  { "e-amount-known", "amount-known", VALUE_BOOLEAN, FALSE },
  { "e-amount-ore", "amount-ore", VALUE_LONG, FALSE },
  { "e-amount-dkk", "amount-dkk", VALUE_DOUBLE, FALSE },
  { "e-time-start", "time-start", VALUE_STRING, TRUE },
  { "e-time-start-precision", "time-start-precision", VALUE_STRING, FALSE },
  { "e-time-end", "time-end", VALUE_STRING, TRUE },
  { "e-time-end-precision", "time-end-precision", VALUE_STRING, FALSE },
};

typedef struct GraphWriter GraphWriter;

/* How one graph format writes what the walk below gives it. */
typedef struct {
  void (*begin) (GraphWriter *writer);
  /* @start and @end: the first days of the time span, "" for none */
  void (*node_begin) (GraphWriter *writer, const char *id, const char *label,
                      const char *start, const char *end);
  void (*edge_begin) (GraphWriter *writer, const char *source, const char *target,
                      const char *start, const char *end);
  /* a value that is neither NULL nor empty, escaped if @escape */
  void (*value) (GraphWriter *writer, const char *key, const char *text, gsize length,
                 gboolean escape);
  void (*node_end) (GraphWriter *writer);
  void (*edge_end) (GraphWriter *writer);
  /* after the last node, before the first edge; NULL for nothing */
  void (*between) (GraphWriter *writer);
  void (*end) (GraphWriter *writer);
} GraphSyntax;

struct GraphWriter {
  Emitter emitter;
  const GraphSyntax *syntax;
};

static void
put_value_len (GraphWriter *writer,
               const char  *key,
               const char  *value,
               gsize        length,
               gboolean     escape)
{
  if (value != NULL && length > 0)
    writer->syntax->value (writer, key, value, length, escape);
}

static void
put_text (GraphWriter *writer,
          const char  *key,
          const char  *value)
{
  if (value != NULL)
    put_value_len (writer, key, value, strlen (value), TRUE);
}

/* Enum nicks, dates, numbers and CVR numbers need no escaping. */
static void
put_raw (GraphWriter *writer,
         const char  *key,
         const char  *value)
{
  if (value != NULL)
    put_value_len (writer, key, value, strlen (value), FALSE);
}

static void
put_nick (GraphWriter *writer,
          const char  *key,
          GType        type,
          int          value)
{
  put_raw (writer, key, _klynge_enum_to_nick (type, value));
}

/* As the XML writes it: 2014, 2020-05, 2019-10-01. */
static void
put_date (GraphWriter      *writer,
          const char       *key,
          const KlyngeDate *date)
{
  char buf[10];

  if (date != NULL)
    put_value_len (writer, key, buf, _klynge_date_format (date, buf), FALSE);
}

static void
put_boolean (GraphWriter *writer,
             const char  *key,
             gboolean     value)
{
  put_raw (writer, key, value ? "true" : "false");
}

static void
put_long (GraphWriter *writer,
          const char  *key,
          gint64       value)
{
  char buf[24];

  put_value_len (writer, key, buf, (gsize) g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, value), FALSE);
}

/* Øre as kroner, exactly: 400000050 øre is 4000000.50. */
static void
put_kroner (GraphWriter *writer,
            const char  *key,
            gint64       ore)
{
  char buf[32];
  guint64 magnitude = ore < 0 ? -(guint64) ore : (guint64) ore;

  put_value_len (writer, key, buf,
                 (gsize) g_snprintf (buf, sizeof buf, "%s%" G_GUINT64_FORMAT ".%02u", ore < 0 ? "-" : "",
                                     magnitude / 100, (guint) (magnitude % 100)),
                 FALSE);
}

/* The time span's dates as first days, into @start and @end ("" for
 * none), for the element; their precisions come after it, as values. */
typedef struct {
  char start[11];
  char end[11];
  KlyngeDatePrecision start_precision;
  KlyngeDatePrecision end_precision;
} TimeSpan;

static void
time_span_init (TimeSpan         *span,
                const KlyngeDate *start,
                const KlyngeDate *end)
{
  span->start[_klynge_date_first_day (start, span->start, &span->start_precision)] = '\0';
  span->end[_klynge_date_first_day (end, span->end, &span->end_precision)] = '\0';
}

static void
put_time_precisions (GraphWriter    *writer,
                     const TimeSpan *span,
                     const char     *start_key,
                     const char     *end_key)
{
  if (span->start_precision != KLYNGE_DATE_PRECISION_NONE)
    put_raw (writer, start_key, writer->emitter.precisions[span->start_precision]);
  if (span->end_precision != KLYNGE_DATE_PRECISION_NONE)
    put_raw (writer, end_key, writer->emitter.precisions[span->end_precision]);
}

static void
node_begin (GraphWriter      *writer,
            const char       *id,
            const char       *type,
            const char       *name,
            const KlyngeDate *start,
            const KlyngeDate *end)
{
  TimeSpan span;

  time_span_init (&span, start, end);
  writer->syntax->node_begin (writer, id, name, span.start, span.end);
  put_raw (writer, "n-type", type);
  put_time_precisions (writer, &span, "n-time-start-precision", "n-time-end-precision");
}

static void
edge_begin (GraphWriter      *writer,
            const char       *source,
            const char       *target,
            const char       *type,
            const KlyngeDate *start,
            const KlyngeDate *end)
{
  TimeSpan span;

  time_span_init (&span, start, end);
  writer->syntax->edge_begin (writer, source, target, span.start, span.end);
  writer->emitter.edges++;
  put_raw (writer, "e-type", type);
  put_time_precisions (writer, &span, "e-time-start-precision", "e-time-end-precision");
}

/* "lei:5493001KJTIIGC8Y1R12|wikidata:Q42" */
static void
put_identifiers (GraphWriter  *writer,
                 KlyngeRecord *record)
{
  GPtrArray *identifiers = _klynge_record_get_identifiers (record);
  GString *joined = writer->emitter.scratch;
  g_autoptr(GString) one = g_string_new (NULL);

  g_string_truncate (joined, 0);
  for (guint i = 0; i < identifiers->len; i++)
    {
      const KlyngeIdentifier *identifier = g_ptr_array_index (identifiers, i);

      g_string_printf (one, "%s:%s",
                       _klynge_enum_to_nick (KLYNGE_TYPE_IDENTIFIER_SCHEME, klynge_identifier_get_scheme (identifier)),
                       klynge_identifier_get_value (identifier));
      _klynge_table_list_append (joined, i, one->str);
    }
  put_value_len (writer, "n-identifiers", joined->str, joined->len, TRUE);
}

static void
write_organisation_nodes (GraphWriter     *writer,
                          KlyngeLandscape *self)
{
  for (guint i = 0; i < self->organisations->len && emitter_ok (&writer->emitter); i++)
    {
      KlyngeOrganisation *organisation = entry_organisation (self, i);
      const char *name = klynge_organisation_get_name (organisation);

      node_begin (writer, klynge_record_get_id (KLYNGE_RECORD (organisation)), "organisation", name,
                  klynge_organisation_get_founded (organisation), klynge_organisation_get_dissolved (organisation));
      put_nick (writer, "n-kind", KLYNGE_TYPE_ORGANISATION_KIND, klynge_organisation_get_kind (organisation));
      put_text (writer, "n-name", name);
      put_date (writer, "n-founded", klynge_organisation_get_founded (organisation));
      put_date (writer, "n-dissolved", klynge_organisation_get_dissolved (organisation));
      put_date (writer, "n-known-until", klynge_organisation_get_known_until (organisation));
      put_raw (writer, "n-cvr", klynge_organisation_get_cvr (organisation));
      put_identifiers (writer, KLYNGE_RECORD (organisation));
      if (klynge_organisation_is_member_list_stated (organisation))
        {
          KlyngeMemberList list = klynge_organisation_get_member_list (organisation);

          put_nick (writer, "n-member-list", KLYNGE_TYPE_MEMBER_LIST, list);
          if (list != KLYNGE_MEMBER_LIST_UNKNOWN)
            put_boolean (writer, "n-member-list-complete", list == KLYNGE_MEMBER_LIST_COMPLETE);
        }
      writer->syntax->node_end (writer);
    }
}

static void
write_member_nodes (GraphWriter     *writer,
                    KlyngeLandscape *self)
{
  for (guint32 i = 0; i < _klynge_membership_store_n_member_slots (&self->store) && emitter_ok (&writer->emitter); i++)
    {
      KlyngeMemberSize size;
      const char *name;
      char cvr_buf[9];

      if (!_klynge_membership_store_member_present (&self->store, i))
        continue;
      size = _klynge_landscape_member_size (self, i);
      name = _klynge_landscape_member_name (self, i);
      node_begin (writer, _klynge_landscape_member_id (self, i), "member", name, NULL, NULL);
      put_nick (writer, "n-kind", KLYNGE_TYPE_MEMBER_KIND, _klynge_landscape_member_kind (self, i));
      put_text (writer, "n-name", name);
      put_raw (writer, "n-cvr", _klynge_landscape_member_cvr (self, i, cvr_buf));
      if (size != KLYNGE_MEMBER_SIZE_UNKNOWN)
        put_nick (writer, "n-size", KLYNGE_TYPE_MEMBER_SIZE, size);
      writer->syntax->node_end (writer);
    }
}

static void
write_funding_source_nodes (GraphWriter     *writer,
                            KlyngeLandscape *self)
{
  for (guint i = 0; i < self->funding_sources->len && emitter_ok (&writer->emitter); i++)
    {
      KlyngeFundingSource *source = g_ptr_array_index (self->funding_sources, i);
      const char *name = klynge_funding_source_get_name (source);

      node_begin (writer, klynge_record_get_id (KLYNGE_RECORD (source)), "funding-source", name, NULL, NULL);
      put_nick (writer, "n-kind", KLYNGE_TYPE_FUNDING_SOURCE_KIND, klynge_funding_source_get_kind (source));
      put_text (writer, "n-name", name);
      put_text (writer, "n-parent", klynge_funding_source_get_parent (source));
      put_identifiers (writer, KLYNGE_RECORD (source));
      writer->syntax->node_end (writer);
    }
}

static void
write_membership_edges (GraphWriter     *writer,
                        KlyngeLandscape *self)
{
  for (guint i = 0; i < self->organisations->len && writer->emitter.out.error == NULL; i++)
    {
      KlyngeOrgEntry *entry = g_ptr_array_index (self->organisations, i);
      const char *organisation = klynge_record_get_id (KLYNGE_RECORD (entry->organisation));
      const KlyngeMembershipSlot *slots;
      guint n;

      slots = _klynge_membership_store_org_slots (entry, &n);
      for (guint j = 0; j < n && emitter_ok (&writer->emitter); j++)
        {
          KlyngeMembershipEnd end = _klynge_membership_slot_get_end (&slots[j]);
          KlyngeDate since, until;

          if (j + KLYNGE_MEMBER_ID_PREFETCH_AHEAD < n)
            _klynge_membership_store_prefetch_member_id (&self->store, slots[j + KLYNGE_MEMBER_ID_PREFETCH_AHEAD].member);
          _klynge_membership_slot_get_dates (&slots[j], &since, &until);
          edge_begin (writer, _klynge_landscape_member_id (self, slots[j].member), organisation,
                      "membership", &since, &until);
          put_date (writer, "e-since", &since);
          put_date (writer, "e-until", &until);
          put_nick (writer, "e-role", KLYNGE_TYPE_MEMBERSHIP_ROLE, _klynge_membership_slot_get_role (&slots[j]));
          if (end != KLYNGE_MEMBERSHIP_END_NONE)
            put_nick (writer, "e-end", KLYNGE_TYPE_MEMBERSHIP_END, end);
          writer->syntax->edge_end (writer);
        }
    }
}

static void
write_merger_edges (GraphWriter     *writer,
                    KlyngeLandscape *self)
{
  for (guint i = 0; i < self->mergers->len && emitter_ok (&writer->emitter); i++)
    {
      KlyngeMerger *merger = g_ptr_array_index (self->mergers, i);
      const char * const *predecessors = klynge_merger_get_predecessors (merger);
      const char *successor = klynge_merger_get_successor (merger);

      if (successor == NULL || _klynge_landscape_get_org_entry (self, successor) == NULL
          || klynge_merger_get_status (merger) == KLYNGE_MERGER_STATUS_CANCELLED)
        continue;
      for (guint j = 0; predecessors[j] != NULL; j++)
        {
          if (_klynge_landscape_get_org_entry (self, predecessors[j]) == NULL)
            continue;
          edge_begin (writer, predecessors[j], successor, "merger", klynge_merger_get_effective (merger), NULL);
          put_text (writer, "e-merger", klynge_record_get_id (KLYNGE_RECORD (merger)));
          put_date (writer, "e-effective", klynge_merger_get_effective (merger));
          put_nick (writer, "e-kind", KLYNGE_TYPE_MERGER_KIND, klynge_merger_get_kind (merger));
          put_nick (writer, "e-status", KLYNGE_TYPE_MERGER_STATUS, klynge_merger_get_status (merger));
          writer->syntax->edge_end (writer);
        }
    }
}

static void
write_funding_edges (GraphWriter     *writer,
                     KlyngeLandscape *self)
{
  for (guint i = 0; i < self->contracts->len && emitter_ok (&writer->emitter); i++)
    {
      KlyngeContract *contract = g_ptr_array_index (self->contracts, i);
      const char *holder = klynge_contract_get_holder (contract);
      const KlyngePeriod *period = klynge_contract_get_period (contract);
      GPtrArray *shares = klynge_contract_get_shares (contract);
      gboolean known = klynge_contract_has_amount (contract);

      if (holder == NULL || _klynge_landscape_get_org_entry (self, holder) == NULL)
        continue;
      for (guint j = 0; j < shares->len; j++)
        {
          KlyngeShare *share = g_ptr_array_index (shares, j);
          const char *source = klynge_share_get_source (share);
          g_autofree char *percent = NULL;

          if (!KLYNGE_IS_FUNDING_SOURCE (g_hash_table_lookup (self->ids, source)))
            continue;
          percent = klynge_percent_to_string (klynge_share_get_basis_points (share),
                                              _klynge_share_get_decimals (share));
          edge_begin (writer, source, holder, "funding", &period->start, &period->end);
          put_text (writer, "e-contract", klynge_record_get_id (KLYNGE_RECORD (contract)));
          put_text (writer, "e-programme", klynge_contract_get_programme (contract));
          put_raw (writer, "e-percent", percent);
          put_boolean (writer, "e-amount-known", known);
          if (known)
            {
              /* the library's split, so that a sum by source is the funding total */
              gint64 ore = klynge_contract_share_amount (contract, source);

              put_long (writer, "e-amount-ore", ore);
              put_kroner (writer, "e-amount-dkk", ore);
            }
          writer->syntax->edge_end (writer);
        }
    }
}

static void
write_graph (GraphWriter     *writer,
             KlyngeLandscape *self)
{
  writer->syntax->begin (writer);
  write_organisation_nodes (writer, self);
  write_member_nodes (writer, self);
  write_funding_source_nodes (writer, self);
  if (writer->syntax->between != NULL)
    writer->syntax->between (writer);
  write_membership_edges (writer, self);
  write_merger_edges (writer, self);
  write_funding_edges (writer, self);
  writer->syntax->end (writer);
}

/* --- GraphML ------------------------------------------------------------ */

#define GRAPHML_NAMESPACE "http://graphml.graphdrawing.org/xmlns"

static void
graphml_keys (GraphWriter    *writer,
              const char     *domain,
              const GraphKey *keys,
              guint           n_keys)
{
  KlyngeOutput *out = &writer->emitter.out;

  for (guint i = 0; i < n_keys; i++)
    {
      KLYNGE_OUTPUT_PUT_LITERAL (out, "  <key id=\"");
      _klynge_output_put_str (out, keys[i].id);
      KLYNGE_OUTPUT_PUT_LITERAL (out, "\" for=\"");
      _klynge_output_put_str (out, domain);
      KLYNGE_OUTPUT_PUT_LITERAL (out, "\" attr.name=\"");
      _klynge_output_put_str (out, keys[i].name);
      KLYNGE_OUTPUT_PUT_LITERAL (out, "\" attr.type=\"");
      _klynge_output_put_str (out, value_type_names[keys[i].type]);
      KLYNGE_OUTPUT_PUT_LITERAL (out, "\"/>\n");
    }
}

static void
graphml_begin (GraphWriter *writer)
{
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->emitter.out,
                             "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                             "<graphml xmlns=\"" GRAPHML_NAMESPACE "\""
                             " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                             " xsi:schemaLocation=\"" GRAPHML_NAMESPACE " " GRAPHML_NAMESPACE "/1.0/graphml.xsd\">\n");
  graphml_keys (writer, "node", node_keys, G_N_ELEMENTS (node_keys));
  graphml_keys (writer, "edge", edge_keys, G_N_ELEMENTS (edge_keys));
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->emitter.out, "  <graph id=\"landscape\" edgedefault=\"directed\">\n");
}

/* Element text escaped as attribute values are, as GraphML has always
 * been written here. */
static void
graphml_value (GraphWriter *writer,
               const char  *key,
               const char  *text,
               gsize        length,
               gboolean     escape)
{
  KlyngeOutput *out = &writer->emitter.out;

  KLYNGE_OUTPUT_PUT_LITERAL (out, "      <data key=\"");
  _klynge_output_put_str (out, key);
  KLYNGE_OUTPUT_PUT_LITERAL (out, "\">");
  if (escape)
    _klynge_output_put_escaped (out, text, TRUE);
  else
    _klynge_output_put (out, text, length);
  KLYNGE_OUTPUT_PUT_LITERAL (out, "</data>\n");
}

static void
graphml_time_span (GraphWriter *writer,
                   const char  *start_key,
                   const char  *start,
                   const char  *end_key,
                   const char  *end)
{
  put_raw (writer, start_key, start);
  put_raw (writer, end_key, end);
}

static void
graphml_node_begin (GraphWriter *writer,
                    const char  *id,
                    const char  *label,
                    const char  *start,
                    const char  *end)
{
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->emitter.out, "    <node id=\"");
  _klynge_output_put_escaped (&writer->emitter.out, id, TRUE);
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->emitter.out, "\">\n");
  graphml_time_span (writer, "n-time-start", start, "n-time-end", end);
}

static void
graphml_edge_begin (GraphWriter *writer,
                    const char  *source,
                    const char  *target,
                    const char  *start,
                    const char  *end)
{
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->emitter.out, "    <edge source=\"");
  _klynge_output_put_escaped (&writer->emitter.out, source, TRUE);
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->emitter.out, "\" target=\"");
  _klynge_output_put_escaped (&writer->emitter.out, target, TRUE);
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->emitter.out, "\">\n");
  graphml_time_span (writer, "e-time-start", start, "e-time-end", end);
}

static void
graphml_node_end (GraphWriter *writer)
{
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->emitter.out, "    </node>\n");
}

static void
graphml_edge_end (GraphWriter *writer)
{
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->emitter.out, "    </edge>\n");
}

static void
graphml_end (GraphWriter *writer)
{
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->emitter.out, "  </graph>\n</graphml>\n");
}

static const GraphSyntax graphml_syntax = {
  graphml_begin, graphml_node_begin, graphml_edge_begin, graphml_value,
  graphml_node_end, graphml_edge_end, NULL, graphml_end,
};

/* --- GEXF --------------------------------------------------------------- */

#define GEXF_NAMESPACE "http://gexf.net/1.3"

static void
gexf_attributes (GraphWriter    *writer,
                 const char     *class,
                 const GraphKey *keys,
                 guint           n_keys)
{
  KlyngeOutput *out = &writer->emitter.out;

  KLYNGE_OUTPUT_PUT_LITERAL (out, "    <attributes class=\"");
  _klynge_output_put_str (out, class);
  KLYNGE_OUTPUT_PUT_LITERAL (out, "\" mode=\"static\">\n");
  for (guint i = 0; i < n_keys; i++)
    {
      if (keys[i].graphml_only)
        continue;
      KLYNGE_OUTPUT_PUT_LITERAL (out, "      <attribute id=\"");
      _klynge_output_put_str (out, keys[i].id);
      KLYNGE_OUTPUT_PUT_LITERAL (out, "\" title=\"");
      _klynge_output_put_str (out, keys[i].name);
      KLYNGE_OUTPUT_PUT_LITERAL (out, "\" type=\"");
      _klynge_output_put_str (out, value_type_names[keys[i].type]);
      KLYNGE_OUTPUT_PUT_LITERAL (out, "\"/>\n");
    }
  KLYNGE_OUTPUT_PUT_LITERAL (out, "    </attributes>\n");
}

static void
gexf_begin (GraphWriter *writer)
{
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->emitter.out,
                             "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                             "<gexf xmlns=\"" GEXF_NAMESPACE "\""
                             " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                             " xsi:schemaLocation=\"" GEXF_NAMESPACE " " GEXF_NAMESPACE "/gexf.xsd\""
                             " version=\"1.3\">\n"
                             "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\">\n");
  gexf_attributes (writer, "node", node_keys, G_N_ELEMENTS (node_keys));
  gexf_attributes (writer, "edge", edge_keys, G_N_ELEMENTS (edge_keys));
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->emitter.out, "    <nodes>\n");
}

static void
gexf_value (GraphWriter *writer,
            const char  *key,
            const char  *text,
            gsize        length,
            gboolean     escape)
{
  KlyngeOutput *out = &writer->emitter.out;

  KLYNGE_OUTPUT_PUT_LITERAL (out, "          <attvalue for=\"");
  _klynge_output_put_str (out, key);
  KLYNGE_OUTPUT_PUT_LITERAL (out, "\" value=\"");
  if (escape)
    _klynge_output_put_escaped (out, text, TRUE);
  else
    _klynge_output_put (out, text, length);
  KLYNGE_OUTPUT_PUT_LITERAL (out, "\"/>\n");
}

/* ` start="…" end="…">` and the opening of the values (a node or edge
 * always has its type). */
static void
gexf_time_span (GraphWriter *writer,
                const char  *start,
                const char  *end)
{
  KlyngeOutput *out = &writer->emitter.out;

  if (*start != '\0')
    {
      KLYNGE_OUTPUT_PUT_LITERAL (out, " start=\"");
      _klynge_output_put_str (out, start);
      KLYNGE_OUTPUT_PUT_LITERAL (out, "\"");
    }
  if (*end != '\0')
    {
      KLYNGE_OUTPUT_PUT_LITERAL (out, " end=\"");
      _klynge_output_put_str (out, end);
      KLYNGE_OUTPUT_PUT_LITERAL (out, "\"");
    }
  KLYNGE_OUTPUT_PUT_LITERAL (out, ">\n        <attvalues>\n");
}

static void
gexf_node_begin (GraphWriter *writer,
                 const char  *id,
                 const char  *label,
                 const char  *start,
                 const char  *end)
{
  KlyngeOutput *out = &writer->emitter.out;

  KLYNGE_OUTPUT_PUT_LITERAL (out, "      <node id=\"");
  _klynge_output_put_escaped (out, id, TRUE);
  KLYNGE_OUTPUT_PUT_LITERAL (out, "\" label=\"");
  _klynge_output_put_escaped (out, label != NULL ? label : id, TRUE);
  KLYNGE_OUTPUT_PUT_LITERAL (out, "\"");
  gexf_time_span (writer, start, end);
}

static void
gexf_edge_begin (GraphWriter *writer,
                 const char  *source,
                 const char  *target,
                 const char  *start,
                 const char  *end)
{
  KlyngeOutput *out = &writer->emitter.out;
  char id[24];

  KLYNGE_OUTPUT_PUT_LITERAL (out, "      <edge id=\"");
  _klynge_output_put (out, id, (gsize) g_snprintf (id, sizeof id, "%" G_GUINT64_FORMAT, writer->emitter.edges));
  KLYNGE_OUTPUT_PUT_LITERAL (out, "\" source=\"");
  _klynge_output_put_escaped (out, source, TRUE);
  KLYNGE_OUTPUT_PUT_LITERAL (out, "\" target=\"");
  _klynge_output_put_escaped (out, target, TRUE);
  KLYNGE_OUTPUT_PUT_LITERAL (out, "\"");
  gexf_time_span (writer, start, end);
}

static void
gexf_node_end (GraphWriter *writer)
{
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->emitter.out, "        </attvalues>\n      </node>\n");
}

static void
gexf_edge_end (GraphWriter *writer)
{
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->emitter.out, "        </attvalues>\n      </edge>\n");
}

static void
gexf_between (GraphWriter *writer)
{
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->emitter.out, "    </nodes>\n    <edges>\n");
}

static void
gexf_end (GraphWriter *writer)
{
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->emitter.out, "    </edges>\n  </graph>\n</gexf>\n");
}

static const GraphSyntax gexf_syntax = {
  gexf_begin, gexf_node_begin, gexf_edge_begin, gexf_value,
  gexf_node_end, gexf_edge_end, gexf_between, gexf_end,
};

/* --- to a stream, in memory, to a file ------------------------------------ */

static gboolean
export_graph (KlyngeLandscape   *self,
              const GraphSyntax *syntax,
              GOutputStream     *stream,
              GCancellable      *cancellable,
              GError           **error)
{
  GraphWriter writer = { .syntax = syntax };

  _klynge_output_init_stream (&writer.emitter.out, stream, cancellable);
  emitter_init (&writer.emitter);
  write_graph (&writer, self);
  return emitter_finish (&writer.emitter, error);
}

static GBytes *
export_graph_bytes (KlyngeLandscape   *self,
                    const GraphSyntax *syntax,
                    GError           **error)
{
  GraphWriter writer = { .syntax = syntax };
  GByteArray *array = g_byte_array_new ();

  _klynge_output_init_bytes (&writer.emitter.out, array);
  emitter_init (&writer.emitter);
  write_graph (&writer, self);
  if (!emitter_finish (&writer.emitter, error))
    {
      g_byte_array_unref (array);
      return NULL;
    }
  return g_byte_array_free_to_bytes (array);
}

static gboolean
export_graph_file (KlyngeLandscape   *self,
                   const GraphSyntax *syntax,
                   const char        *path,
                   GError           **error)
{
  GraphWriter writer = { .syntax = syntax };
  KlyngeFileOutput *file;

  file = _klynge_file_output_open (path, &writer.emitter.out, error);
  if (file == NULL)
    return FALSE;
  emitter_init (&writer.emitter);
  write_graph (&writer, self);
  return emitter_finish_file (&writer.emitter, file, error);
}

/**
 * klynge_landscape_export_graphml:
 * @self: a landscape
 * @stream: where to write the graph
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the landscape as a GraphML graph (see the description of this
 * section: organisations, members and funding sources as nodes,
 * memberships, mergers and funding as edges, with typed data) to
 * @stream, which is left open. The output is buffered and streamed.
 *
 * Returns: %TRUE on success; %FALSE with @error set to
 *   %KLYNGE_ERROR_IO when writing fails, or %G_IO_ERROR_CANCELLED; part
 *   of the graph may have been written then
 */
gboolean
klynge_landscape_export_graphml (KlyngeLandscape  *self,
                                 GOutputStream    *stream,
                                 GCancellable     *cancellable,
                                 GError          **error)
{
  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return export_graph (self, &graphml_syntax, stream, cancellable, error);
}

/**
 * klynge_landscape_export_graphml_bytes:
 * @self: a landscape
 * @error: return location for a #GError
 *
 * Like klynge_landscape_export_graphml(), in memory.
 *
 * Returns: (transfer full) (nullable): the graph, or %NULL with @error set
 */
GBytes *
klynge_landscape_export_graphml_bytes (KlyngeLandscape  *self,
                                       GError          **error)
{
  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return export_graph_bytes (self, &graphml_syntax, error);
}

/**
 * klynge_landscape_export_graphml_file:
 * @self: a landscape
 * @path: (type filename): the file to write
 * @error: return location for a #GError
 *
 * Like klynge_landscape_export_graphml(), to the file @path, all or
 * nothing: see klynge_landscape_export_csv_file().
 *
 * Returns: %TRUE on success; %FALSE with @error set to
 *   %KLYNGE_ERROR_IO naming @path
 */
gboolean
klynge_landscape_export_graphml_file (KlyngeLandscape  *self,
                                      const char       *path,
                                      GError          **error)
{
  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return export_graph_file (self, &graphml_syntax, path, error);
}

/**
 * klynge_landscape_export_gexf:
 * @self: a landscape
 * @stream: where to write the graph
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the landscape as a dynamic GEXF 1.3 graph (see the description
 * of this section: the nodes, edges and values of the GraphML export,
 * with the time spans as the `start` and `end` of nodes and edges, in
 * `timeformat="date"`) to @stream, which is left open. The output is
 * buffered and streamed.
 *
 * Returns: %TRUE on success; %FALSE with @error set to
 *   %KLYNGE_ERROR_IO when writing fails, or %G_IO_ERROR_CANCELLED; part
 *   of the graph may have been written then
 */
gboolean
klynge_landscape_export_gexf (KlyngeLandscape  *self,
                              GOutputStream    *stream,
                              GCancellable     *cancellable,
                              GError          **error)
{
  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return export_graph (self, &gexf_syntax, stream, cancellable, error);
}

/**
 * klynge_landscape_export_gexf_bytes:
 * @self: a landscape
 * @error: return location for a #GError
 *
 * Like klynge_landscape_export_gexf(), in memory.
 *
 * Returns: (transfer full) (nullable): the graph, or %NULL with @error set
 */
GBytes *
klynge_landscape_export_gexf_bytes (KlyngeLandscape  *self,
                                    GError          **error)
{
  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return export_graph_bytes (self, &gexf_syntax, error);
}

/**
 * klynge_landscape_export_gexf_file:
 * @self: a landscape
 * @path: (type filename): the file to write
 * @error: return location for a #GError
 *
 * Like klynge_landscape_export_gexf(), to the file @path, all or
 * nothing: see klynge_landscape_export_csv_file().
 *
 * Returns: %TRUE on success; %FALSE with @error set to
 *   %KLYNGE_ERROR_IO naming @path
 */
gboolean
klynge_landscape_export_gexf_file (KlyngeLandscape  *self,
                                   const char       *path,
                                   GError          **error)
{
  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return export_graph_file (self, &gexf_syntax, path, error);
}
