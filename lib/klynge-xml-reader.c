/* klynge-xml-reader.c: the streaming, staged loader
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The document is pushed through libxml2's SAX2 interface in chunks; no
 * tree is ever built. The reader is table-driven, as libgsf's GsfXMLIn
 * is: one row per element (element_specs) gives its attributes, its
 * children in their order and its handlers, so anything else is an
 * error, never skipped. Records go into a fresh landscape that is handed
 * out only when the whole document has been read and every reference
 * resolved.
 *
 * Hostile input: every entry point goes through
 * _klynge_xml_reader_new(), which sets up the one parser configuration:
 * no network, no entity substitution, no DTD loading, no XInclude; a
 * DOCTYPE stops the parse at once, as does any entity other than the
 * predefined ones; nesting, value lengths, attribute counts and the
 * total size are capped; the document must be UTF-8 (the checks on the
 * bytes themselves are in klynge-xml-input.c).
 *
 * Members and memberships, the bulk of a large landscape, have a fast
 * path that reads their attributes straight from libxml2's array; the
 * checks of their values are the same functions for both paths, and
 * memberships are checked and stored by the bulk path
 * (klynge-xml-bulk.c), which hands back what failed.
 */
#include "config.h"

#include <string.h>

#include <libxml/parserInternals.h>

#include "klynge-xml-reader-private.h"
#include "klynge-validate-private.h"

static const char * const attribute_names[N_ATTRIBUTES] = {
  "version", "id", "kind", "cvr", "size", "founded", "dissolved", "city",
  "address", "role", "level", "awarded", "valid-until", "member", "since",
  "until", "holder", "start", "end", "amount", "renews", "source", "percent",
  "effective", "successor", "status", "ref", "theme", "host", "replaces",
  "href", "accessed", "programme", "organisation", "area", "member-list",
  "scheme", "value", "region", "municipality", "participants-count",
  "area-scheme", "known-until",
};

#define REQ 1
#define OPT 0
#define MANY 0xff
/* The version of the format an attribute or child is new in; left out
 * (0), it is in every version. A document of an older version that holds
 * it is refused, as one holding anything unknown is. */
#define V2 2

/* @optional_since: for a required attribute, the version from which on
 * it may be left out (a contract's amount, which version 2 lets be not
 * known); 0 when it is required in every version. */
typedef struct { guint8 attribute; guint8 required; guint8 since; guint8 optional_since; } AttributeSpec;
typedef struct { guint8 element; guint8 min; guint8 max; guint8 since; } ChildSpec;

typedef KlyngeXmlReader Reader;

/* The handlers of a row. A fast start takes the common case of a bulky
 * element straight from libxml2's attribute array, reporting nothing;
 * when it returns FALSE the element takes the general path:
 * read_attributes(), then the start handler. */
typedef gboolean (*FastStartFunc) (Reader         *reader,
                                   int             nb_attributes,
                                   const xmlChar **attributes,
                                   guint           line);
typedef void (*StartFunc) (Reader *reader,
                           guint   line);
typedef void (*EndFunc) (Reader      *reader,
                         const Frame *frame);

typedef struct {
  const char *name;
  const AttributeSpec *attributes;
  guint n_attributes;
  const ChildSpec *children;
  guint n_children;
  gboolean text;          /* holds text only, collected for the end handler */
  FastStartFunc fast;
  StartFunc start;
  EndFunc end;
} ElementSpec;

static const ElementSpec element_specs[N_ELEMENTS];

/* --- errors ------------------------------------------------------------ */

static void flush_deferred (Reader *reader);

static void
reader_stop (Reader *reader)
{
  if (reader->parser != NULL)
    xmlStopParser (reader->parser);
}

/* An error that ends the load (and, when collecting, the listing). */
void
_klynge_xml_reader_fatal_at (Reader     *reader,
                             int         code,
                             guint       line,
                             guint       column,
                             const char *format,
                             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  /* memberships read before this error are reported before it */
  flush_deferred (reader);
  if (reader->error != NULL)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  reader->fatal = klynge_problem_new (code, reader->file, line, column, NULL, message);
  _klynge_problem_to_error (reader->fatal, &reader->error);
  if (reader->problems != NULL)
    g_ptr_array_add (reader->problems, klynge_problem_ref (reader->fatal));
  reader_stop (reader);
}

/* An error in the data: when collecting, it is listed and reading goes
 * on; otherwise it ends the load like any other. In a dry run, nothing. */
void
_klynge_xml_problem_at (Reader     *reader,
                        int         code,
                        guint       line,
                        const char *format,
                        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (reader->dry_run)
    return;
  flush_deferred (reader);
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (reader->problems == NULL)
    {
      _klynge_xml_reader_fatal_at (reader, code, line, 0, "%s", message);
      return;
    }
  if (reader->error == NULL)
    g_ptr_array_add (reader->problems,
                     klynge_problem_new (code, reader->file, line, 0,
                                         reader->record ? klynge_record_get_id (reader->record) : NULL,
                                         message));
}

/* Reports a GError from a setter as a problem at @line. */
void
_klynge_xml_problem_from_error (Reader *reader,
                                guint   line,
                                GError *error)
{
  _klynge_xml_problem_at (reader, error->code, line, "%s", error->message);
  g_error_free (error);
}

static void
report_reference (Reader     *reader,
                  int         code,
                  guint       line,
                  const char *attribute,
                  const char *value)
{
  _klynge_xml_problem_at (reader, code, line,
                          code == KLYNGE_ERROR_UNRESOLVED_REFERENCE
                          ? KLYNGE_XML_UNRESOLVED_FORMAT : KLYNGE_XML_WRONG_KIND_FORMAT,
                          attribute, value);
}

/* Whether @id names a record of another kind than a member that was read
 * before the membership at @entry: a funding source, or an organisation
 * up to @entry's own. The bulk path reports later, when more records may
 * have been read, so the records read since do not count. */
static gboolean
names_earlier_record (Reader         *reader,
                      const char     *id,
                      KlyngeOrgEntry *entry)
{
  gpointer found = _klynge_landscape_lookup_id (reader->landscape, id);
  KlyngeOrgEntry *other;

  if (found == NULL || KLYNGE_IS_MEMBER_TAG (found))
    return FALSE;
  if (KLYNGE_IS_FUNDING_SOURCE (found))
    return TRUE;
  other = KLYNGE_IS_ORGANISATION (found) ? _klynge_landscape_get_org_entry (reader->landscape, id) : NULL;
  return other != NULL && other->index <= entry->index;
}

/* Reports what the membership checks found, as the organisation's. */
static void
report_failure (Reader                 *reader,
                const KlyngeXmlFailure *failure)
{
  KlyngeRecord *record = reader->record;

  reader->record = failure->record;
  if (failure->message != NULL)
    _klynge_xml_problem_at (reader, failure->code, failure->line, "%s", failure->message);
  else
    report_reference (reader,
                      names_earlier_record (reader, failure->member, failure->entry)
                      ? KLYNGE_ERROR_WRONG_REFERENCE_KIND : KLYNGE_ERROR_UNRESOLVED_REFERENCE,
                      failure->line, "member", failure->member);
  reader->record = record;
}

/* libxml2's guards against huge input say so, whatever code they use:
 * "Huge input lookup", "... use XML_PARSE_HUGE option" */
static gboolean
is_limit_message (const char *message)
{
  return message != NULL
    && (strstr (message, "XML_PARSE_HUGE") != NULL || strstr (message, "Huge input lookup") != NULL);
}

static void
on_structured_error (void        *user_data,
                     xmlErrorPtr  xml_error)
{
  xmlParserCtxtPtr parser = user_data;
  Reader *reader = parser->_private;
  int code;
  g_autofree char *message = NULL;

  if (xml_error->level < XML_ERR_ERROR || reader->error != NULL)
    return;

  switch (xml_error->code)
    {
    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_ENCODING:
    case XML_ERR_UNSUPPORTED_ENCODING:
    case XML_ERR_UNKNOWN_ENCODING:
    case XML_ERR_INVALID_DEC_CHARREF:
    case XML_ERR_INVALID_HEX_CHARREF:
    case XML_ERR_INVALID_CHARREF:
      code = KLYNGE_ERROR_ENCODING;
      break;
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
    case XML_ERR_ENTITY_LOOP:
    case XML_ERR_ENTITY_PE_INTERNAL:
    case XML_ERR_PEREF_IN_PROLOG:
    case XML_ERR_PEREF_IN_EPILOG:
    case XML_ERR_PEREF_IN_INT_SUBSET:
    case XML_ERR_ENTITY_NOT_FINISHED:
    case XML_ERR_ENTITY_BOUNDARY:
      code = KLYNGE_ERROR_ENTITY_FORBIDDEN;
      break;
    case XML_ERR_DOCUMENT_END:
      code = KLYNGE_ERROR_XML_SYNTAX;
      /* at the end of the input, inside the root: libxml2 says "Extra
       * content at the end of the document" for a cut-off file. Before
       * the root (empty input, a stray "x") its message stands. */
      if (reader->root_seen && parser->instate != XML_PARSER_EPILOG && parser->instate != XML_PARSER_EOF)
        message = reader->depth > 0 && reader->depth <= G_N_ELEMENTS (reader->stack)
          ? g_strdup_printf ("the document ends early, inside <%s>",
                             element_specs[reader->stack[reader->depth - 1].element].name)
          : g_strdup ("the document ends early");
      break;
    default:
      /* XML_ERR_INTERNAL_ERROR among them: libxml2's size and nesting
       * guards, but also markup such as a DOCTYPE in element content */
      code = is_limit_message (xml_error->message)
        ? KLYNGE_ERROR_LIMIT_EXCEEDED : KLYNGE_ERROR_XML_SYNTAX;
      break;
    }

  if (message == NULL)
    message = g_strchomp (g_strdup (xml_error->message ? xml_error->message : "malformed XML"));
  _klynge_xml_reader_fatal_at (reader, code, (guint) xml_error->line, (guint) xml_error->int2,
                               "%s", message);
}

/* --- attributes -------------------------------------------------------- */

/* libxml2's SAX2 interface hands attribute values over with every '&'
 * (written &amp; or &#38;) left as the text "&#38;", since it expects to
 * re-parse them into a tree; no other '&' can be in a value. */
void
_klynge_xml_decode_attribute (GString    *out,
                              const char *value,
                              gsize       length)
{
  const char *end = value + length;
  const char *amp;

  while ((amp = memchr (value, '&', (gsize) (end - value))) != NULL)
    {
      g_string_append_len (out, value, amp - value);
      g_string_append_c (out, '&');
      value = amp + 1;
      if ((gsize) (end - value) >= 4 && memcmp (value, "#38;", 4) == 0)
        value += 4;
    }
  g_string_append_len (out, value, end - value);
}

/* Whether a document of the reader's version must give the attribute. */
static inline gboolean
attribute_required (const Reader        *reader,
                    const AttributeSpec *spec)
{
  return spec->required && (spec->optional_since == 0 || reader->version < spec->optional_since);
}

/* Reads the attributes of an element into reader->values by their id,
 * refusing unknown, prefixed, over-long and missing ones. */
static gboolean
read_attributes (Reader            *reader,
                 const ElementSpec *spec,
                 int                nb_attributes,
                 const xmlChar    **attributes)
{
  guint line = _klynge_xml_reader_line (reader);

  memset (reader->values, 0, sizeof reader->values);
  g_string_truncate (reader->scratch, 0);

  if ((guint) nb_attributes > reader->options.max_attributes)
    {
      _klynge_xml_reader_fatal_at (reader, KLYNGE_ERROR_LIMIT_EXCEEDED, line, 0,
                                   "<%s> has %d attributes; at most %u are allowed",
                                   spec->name, nb_attributes, reader->options.max_attributes);
      return FALSE;
    }

  for (int i = 0; i < nb_attributes; i++)
    {
      const xmlChar *localname = attributes[i * 5];
      const xmlChar *prefix = attributes[i * 5 + 1];
      const char *value = (const char *) attributes[i * 5 + 3];
      gsize length = (gsize) (attributes[i * 5 + 4] - attributes[i * 5 + 3]);
      guint a;

      for (a = 0; a < spec->n_attributes; a++)
        if (reader->attribute_atoms[spec->attributes[a].attribute] == localname)
          break;
      if (a == spec->n_attributes || prefix != NULL)
        {
          _klynge_xml_problem_at (reader, KLYNGE_ERROR_UNKNOWN_ATTRIBUTE, line,
                                  "<%s> has no attribute “%s%s%s”", spec->name,
                                  prefix ? (const char *) prefix : "", prefix ? ":" : "",
                                  (const char *) localname);
          if (_klynge_xml_reader_failed (reader))
            return FALSE;
          continue;
        }
      if (spec->attributes[a].since > reader->version)
        {
          _klynge_xml_problem_at (reader, KLYNGE_ERROR_UNKNOWN_ATTRIBUTE, line,
                                  "the attribute “%s” of <%s> needs version=\"%u\" of the format; "
                                  "the document says version=\"%u\"",
                                  (const char *) localname, spec->name, spec->attributes[a].since,
                                  reader->version);
          if (_klynge_xml_reader_failed (reader))
            return FALSE;
          continue;
        }
      a = spec->attributes[a].attribute;
      reader->value_offsets[a] = reader->scratch->len;
      _klynge_xml_decode_attribute (reader->scratch, value, length);
      reader->value_lengths[a] = reader->scratch->len - reader->value_offsets[a];
      /* The cap counts bytes as stored, as the setters do: libxml2 hands
       * “&” over as “&#38;”, and a city of 1 MiB of “&” that a setter
       * took must load again. */
      if (reader->value_lengths[a] > reader->options.max_value_length)
        {
          _klynge_xml_reader_fatal_at (reader, KLYNGE_ERROR_LIMIT_EXCEEDED, line, 0,
                                       "the value of “%s” is %" G_GSIZE_FORMAT " bytes long; at most %u are allowed",
                                       (const char *) localname, reader->value_lengths[a],
                                       reader->options.max_value_length);
          return FALSE;
        }
      g_string_append_c (reader->scratch, '\0');
      reader->values[a] = "";   /* set below, once scratch stops moving */
    }

  for (guint a = 0; a < spec->n_attributes; a++)
    {
      AttributeId id = spec->attributes[a].attribute;

      if (reader->values[id] != NULL)
        reader->values[id] = reader->scratch->str + reader->value_offsets[id];
      else if (attribute_required (reader, &spec->attributes[a]))
        {
          _klynge_xml_problem_at (reader, KLYNGE_ERROR_MISSING_ATTRIBUTE, line,
                                  "<%s> needs the attribute “%s”", spec->name,
                                  attribute_names[id]);
          if (_klynge_xml_reader_failed (reader))
            return FALSE;
        }
    }
  return TRUE;
}

/* The attributes of an element straight from libxml2's array, by their
 * place in the element's row, for a fast start: FALSE unless all are
 * known, none is there twice, prefixed or over-long, and the required
 * ones are there. The values are as libxml2 gives them (see
 * _klynge_xml_decode_attribute()) and not NUL-terminated. Inlined, so
 * that the loops over the row unroll for each element. */
G_ALWAYS_INLINE static inline gboolean
fast_attributes (Reader            *reader,
                 const ElementSpec *spec,
                 int                nb_attributes,
                 const xmlChar    **attributes,
                 const char       **values,
                 gsize             *lengths)
{
  if ((guint) nb_attributes > reader->options.max_attributes)
    return FALSE;
  memset (values, 0, spec->n_attributes * sizeof *values);
  for (int i = 0; i < nb_attributes; i++)
    {
      const xmlChar *localname = attributes[i * 5];
      gsize length = (gsize) (attributes[i * 5 + 4] - attributes[i * 5 + 3]);
      guint a;

      for (a = 0; a < spec->n_attributes; a++)
        if (reader->attribute_atoms[spec->attributes[a].attribute] == localname)
          break;
      if (a == spec->n_attributes || attributes[i * 5 + 1] != NULL || values[a] != NULL
          || length > reader->options.max_value_length || spec->attributes[a].since > reader->version)
        return FALSE;
      values[a] = (const char *) attributes[i * 5 + 3];
      lengths[a] = length;
    }
  for (guint a = 0; a < spec->n_attributes; a++)
    if (values[a] == NULL && attribute_required (reader, &spec->attributes[a]))
      return FALSE;
  return TRUE;
}

/* Every attribute value must be text XML can carry; libxml2 has checked
 * UTF-8 already, so this is only about ids, enums and dates below. */

gboolean
_klynge_xml_value_id (Reader      *reader,
                      AttributeId  attribute,
                      guint        line)
{
  const char *value = reader->values[attribute];

  if (value == NULL || klynge_id_is_valid (value))
    return TRUE;
  _klynge_xml_problem_at (reader, KLYNGE_ERROR_BAD_ID, line, KLYNGE_XML_BAD_ID_FORMAT,
                          value, attribute_names[attribute]);
  return FALSE;
}

gboolean
_klynge_xml_value_enum (Reader      *reader,
                        AttributeId  attribute,
                        GType        type,
                        int         *out,
                        guint        line)
{
  const char *value = reader->values[attribute];

  if (value == NULL)
    return FALSE;
  if (_klynge_enum_from_nick (type, value, out))
    return TRUE;
  _klynge_xml_problem_at (reader, KLYNGE_ERROR_BAD_ENUM, line,
                          "“%s” is not a valid %s", value, attribute_names[attribute]);
  return FALSE;
}

gboolean
_klynge_xml_value_date (Reader      *reader,
                        AttributeId  attribute,
                        KlyngeDate  *date,
                        guint        line)
{
  GError *error = NULL;

  memset (date, 0, sizeof *date);
  if (reader->values[attribute] == NULL)
    return TRUE;
  if (klynge_date_parse_len (reader->values[attribute], (gssize) reader->value_lengths[attribute],
                             date, &error))
    return TRUE;
  _klynge_xml_problem_from_error (reader, line, error);
  return FALSE;
}

/* Resolves a reference to a record that the format puts earlier in the
 * document, so that the error points at the element that holds it. */
gboolean
_klynge_xml_value_reference (Reader      *reader,
                             AttributeId  attribute,
                             GType        expected,
                             guint        line)
{
  const char *value = reader->values[attribute];
  KlyngeError code;

  if (value == NULL)
    return FALSE;
  if (!_klynge_xml_value_id (reader, attribute, line))
    return FALSE;
  if (_klynge_landscape_resolve (reader->landscape, value, expected, &code))
    return TRUE;
  report_reference (reader, code, line, attribute_names[attribute], value);
  return FALSE;
}

/* --- records ----------------------------------------------------------- */

gboolean
_klynge_xml_claim_id (Reader *reader,
                      guint   line)
{
  const char *id = reader->values[A_ID];

  if (id == NULL || !_klynge_xml_value_id (reader, A_ID, line))
    return FALSE;
  if (klynge_landscape_contains (reader->landscape, id))
    {
      _klynge_xml_problem_at (reader, KLYNGE_ERROR_DUPLICATE_ID, line,
                              "the id “%s” is already used", id);
      return FALSE;
    }
  return TRUE;
}

/* The checks of a member's kind, size and CVR number, for both paths:
 * reports what fails and keeps what is good. */
static gboolean
member_values (Reader *reader,
               guint   line)
{
  int kind = 0, size = KLYNGE_MEMBER_SIZE_UNKNOWN;
  GError *error = NULL;
  gboolean ok;

  ok = _klynge_xml_value_enum (reader, A_KIND, KLYNGE_TYPE_MEMBER_KIND, &kind, line);
  if (reader->values[A_SIZE] != NULL)
    {
      if (!_klynge_xml_value_enum (reader, A_SIZE, KLYNGE_TYPE_MEMBER_SIZE, &size, line))
        ok = FALSE;
      /* "unknown" is the enum's name for a missing attribute, not a value */
      else if (size == KLYNGE_MEMBER_SIZE_UNKNOWN)
        {
          _klynge_xml_problem_at (reader, KLYNGE_ERROR_BAD_ENUM, line, "“unknown” is not a valid size");
          ok = FALSE;
        }
    }
  if (reader->values[A_CVR] != NULL)
    {
      if (_klynge_check_cvr (reader->values[A_CVR], &error))
        reader->member_cvr = (guint32) g_ascii_strtoull (reader->values[A_CVR], NULL, 10);
      else
        {
          _klynge_xml_problem_from_error (reader, line, error);
          ok = FALSE;
        }
    }
  reader->member_kind = kind;
  reader->member_size = size;
  return ok;
}

static void
begin_member (Reader *reader)
{
  reader->in_member = TRUE;
  g_string_truncate (reader->member_id, 0);
  g_string_truncate (reader->member_name, 0);
  reader->member_cvr = 0;
}

/* Copies an attribute value into @buf as a string; FALSE when it does
 * not fit (no enum nick or CVR number is that long). */
static inline gboolean
copy_short_value (char       *buf,
                  gsize       size,
                  const char *value,
                  gsize       length)
{
  if (length >= size)
    return FALSE;
  memcpy (buf, value, length);
  buf[length] = '\0';
  return TRUE;
}

static const AttributeSpec member_attrs[] = {
  { A_ID, REQ }, { A_CVR, OPT }, { A_KIND, REQ }, { A_SIZE, OPT }
};

/* A member whose values all pass, with the check of its id against the
 * ids already taken left for later (resolve_claim()). A '&' (left as
 * "&#38;" by libxml2) makes the id, the nick or the CVR number fail, and
 * the general path reports it as it decodes it. */
static gboolean
start_member_fast (Reader         *reader,
                   int             nb_attributes,
                   const xmlChar **attributes,
                   guint           line)
{
  const ElementSpec *spec = &element_specs[E_MEMBER];
  const char *values[G_N_ELEMENTS (member_attrs)];
  gsize lengths[G_N_ELEMENTS (member_attrs)];
  char buffers[G_N_ELEMENTS (member_attrs)][32];
  gboolean ok;

  if (reader->claim_pending || !fast_attributes (reader, spec, nb_attributes, attributes, values, lengths))
    return FALSE;
  begin_member (reader);
  for (guint a = 0; a < spec->n_attributes; a++)
    {
      AttributeId id = spec->attributes[a].attribute;

      reader->values[id] = NULL;
      if (values[a] == NULL)
        continue;
      if (id == A_ID)
        {
          g_string_append_len (reader->member_id, values[a], (gssize) lengths[a]);
          reader->values[id] = reader->member_id->str;
        }
      else if (copy_short_value (buffers[a], sizeof buffers[a], values[a], lengths[a]))
        reader->values[id] = buffers[a];
      else
        return FALSE;
      reader->value_lengths[id] = lengths[a];
    }
  reader->dry_run = TRUE;
  ok = _klynge_xml_value_id (reader, A_ID, line) && member_values (reader, line);
  reader->dry_run = FALSE;
  if (!ok)
    return FALSE;
  reader->claim_pending = TRUE;
  reader->claim_line = line;
  _klynge_landscape_prefetch_member (reader->landscape, reader->member_id->str, reader->member_id->len);
  return TRUE;
}

/* The duplicate check that start_member_fast() left for later. */
static void
resolve_claim (Reader *reader)
{
  if (!reader->claim_pending)
    return;
  reader->claim_pending = FALSE;
  if (klynge_landscape_contains (reader->landscape, reader->member_id->str))
    {
      _klynge_xml_problem_at (reader, KLYNGE_ERROR_DUPLICATE_ID, reader->claim_line,
                              "the id “%s” is already used", reader->member_id->str);
      g_string_truncate (reader->member_id, 0);
    }
}

static void
start_member (Reader *reader,
              guint   line)
{
  begin_member (reader);
  if (!_klynge_xml_claim_id (reader, line))
    return;
  g_string_assign (reader->member_id, reader->values[A_ID]);
  member_values (reader, line);
}

/* A member's sources and note live on an object; most members have none. */
static KlyngeRecord *
member_object (Reader *reader)
{
  if (reader->member_object == NULL && reader->member_id->len > 0)
    {
      reader->member_object = g_object_new (KLYNGE_TYPE_MEMBER, "id", reader->member_id->str, NULL);
      klynge_member_set_kind (reader->member_object, reader->member_kind);
      klynge_member_set_size (reader->member_object, reader->member_size);
      if (reader->member_name->len > 0)
        klynge_member_set_name (reader->member_object, reader->member_name->str, NULL);
      if (reader->member_cvr != 0)
        {
          char buf[9];
          g_snprintf (buf, sizeof buf, "%08u", reader->member_cvr);
          klynge_member_set_cvr (reader->member_object, buf, NULL);
        }
    }
  return KLYNGE_RECORD (reader->member_object);
}

static void
end_member (Reader      *reader,
            const Frame *frame)
{
  KlyngeMemberValues values;

  resolve_claim (reader);
  reader->in_member = FALSE;
  if (reader->member_id->len == 0)
    return;
  if (reader->member_object != NULL)
    _klynge_record_set_line (KLYNGE_RECORD (reader->member_object), frame->line);
  values.id = reader->member_id->str;
  values.id_len = reader->member_id->len;
  values.name = reader->member_name->str;
  values.name_len = reader->member_name->len;
  values.cvr = reader->member_cvr;
  values.kind = reader->member_kind;
  values.size = reader->member_size;
  _klynge_xml_bulk_add_member (reader->bulk, &values, reader->member_object);
  g_clear_object (&reader->member_object);
}

/* In the order of KLYNGE_XML_MEMBERSHIP_*: the values go to the bulk path
 * by their place here. */
static const AttributeSpec membership_attrs[] = {
  { A_MEMBER, REQ }, { A_SINCE, OPT }, { A_UNTIL, OPT },
  { A_ROLE, OPT, V2 }, { A_END, OPT, V2 }
};
G_STATIC_ASSERT (G_N_ELEMENTS (membership_attrs) == KLYNGE_XML_N_MEMBERSHIP_VALUES);

/* The general path: checked here, so that what fails is reported where
 * it stands, then handed to the bulk path for the duplicate check. */
static void
start_membership (Reader *reader,
                  guint   line)
{
  KlyngeXmlMembershipValues values;
  KlyngeXmlFailure failure = { 0, };
  KlyngeMembershipSlot slot;
  guint32 member = 0;
  gboolean found;

  if (reader->org_entry == NULL || reader->values[A_MEMBER] == NULL)
    return;
  for (guint a = 0; a < KLYNGE_XML_N_MEMBERSHIP_VALUES; a++)
    {
      values.values[a] = reader->values[membership_attrs[a].attribute];
      values.lengths[a] = reader->value_lengths[membership_attrs[a].attribute];
    }
  found = _klynge_landscape_find_member (reader->landscape, reader->values[A_MEMBER], &member);
  if (_klynge_xml_check_membership (&values, found, member, &slot, &failure))
    {
      _klynge_xml_bulk_add_checked (reader->bulk, reader->org_entry, reader->record, &slot, line);
      return;
    }
  failure.line = line;
  failure.entry = reader->org_entry;
  failure.record = reader->record;
  report_failure (reader, &failure);
  _klynge_xml_failure_clear (&failure);
}

/* The common case of the bulkiest element: the values go to the bulk
 * path as they are, to be checked there. */
static gboolean
start_membership_fast (Reader         *reader,
                       int             nb_attributes,
                       const xmlChar **attributes,
                       guint           line)
{
  KlyngeXmlMembershipValues values;

  if (reader->org_entry == NULL
      || !fast_attributes (reader, &element_specs[E_MEMBERSHIP], nb_attributes, attributes,
                           values.values, values.lengths))
    return FALSE;
  _klynge_xml_bulk_add_membership (reader->bulk, reader->org_entry, reader->record, &values, line);
  return TRUE;
}

/* Before anything is reported, and at the end of every chunk and of the
 * document: the pending duplicate check of a member, and what the bulk
 * path has found. */
static void
flush_deferred (Reader *reader)
{
  GArray *failures;

  if (reader->flushing)
    return;
  reader->flushing = TRUE;
  resolve_claim (reader);
  failures = _klynge_xml_bulk_sync (reader->bulk);
  /* after a fatal error a single thread would have read no further */
  for (guint i = 0; i < failures->len && !_klynge_xml_reader_failed (reader); i++)
    report_failure (reader, &g_array_index (failures, KlyngeXmlFailure, i));
  g_array_set_size (failures, 0);
  reader->flushing = FALSE;
}

void
_klynge_xml_reader_flush (Reader *reader)
{
  flush_deferred (reader);
}

static KlyngeRecord *
provenance_target (Reader *reader)
{
  return reader->in_member ? member_object (reader) : reader->record;
}

static void
start_source (Reader *reader,
              guint   line)
{
  KlyngeRecord *target = provenance_target (reader);
  KlyngeDate accessed;
  GError *error = NULL;

  if (target == NULL || reader->values[A_HREF] == NULL
      || !_klynge_xml_value_date (reader, A_ACCESSED, &accessed, line))
    return;
  if (!klynge_record_add_source_href (target, reader->values[A_HREF],
                                      klynge_date_is_set (&accessed) ? &accessed : NULL, &error))
    _klynge_xml_problem_from_error (reader, line, error);
}

static void
start_text (Reader *reader,
            guint   line)
{
  g_string_truncate (reader->text, 0);
  reader->collecting_text = TRUE;
}

/* A <focus-area>'s scheme is read at its start and used at its end. */
static void
start_focus_area (Reader *reader,
                  guint   line)
{
  _klynge_replace_string (&reader->focus_area_scheme, reader->values[A_SCHEME]);
  start_text (reader, line);
}

/* A member's <name>: stored without a setter, so checked here as the
 * setter would. */
static void
end_member_name (Reader *reader,
                 guint   line)
{
  GError *error = NULL;

  if (reader->text->len == 0)
    _klynge_xml_problem_at (reader, KLYNGE_ERROR_BAD_VALUE, line, "<name> must not be empty");
  /* libxml2 2.9.14 lets malformed UTF-8 through in CDATA sections */
  else if (!_klynge_check_text (reader->text->str, "name", FALSE, &error))
    _klynge_xml_problem_from_error (reader, line, error);
  else
    {
      /* the text becomes the name: swap the buffers, not the bytes */
      GString *name = reader->member_name;

      reader->member_name = reader->text;
      reader->text = name;
    }
}

/* Applies the text of a finished text element to the record. */
static void
end_text (Reader      *reader,
          const Frame *frame)
{
  const char *text = reader->text->str;
  GError *error = NULL;
  gboolean ok = TRUE;
  KlyngeRecord *record = reader->record;

  if (reader->in_member && frame->element == E_NAME)
    {
      end_member_name (reader, frame->line);
      return;
    }
  if (frame->element == E_NOTE)
    record = provenance_target (reader);
  if (record == NULL)
    return;

  switch (frame->element)
    {
    case E_NOTE:
      ok = klynge_record_set_note (record, text, &error);
      break;
    case E_NAME:
      if (KLYNGE_IS_ORGANISATION (record))
        ok = klynge_organisation_set_name (KLYNGE_ORGANISATION (record), text, &error);
      else if (KLYNGE_IS_FUNDING_SOURCE (record))
        ok = klynge_funding_source_set_name (KLYNGE_FUNDING_SOURCE (record), text, &error);
      else if (KLYNGE_IS_PROGRAMME (record))
        ok = klynge_programme_set_name (KLYNGE_PROGRAMME (record), text, &error);
      break;
    case E_PARENT:
      ok = klynge_funding_source_set_parent (KLYNGE_FUNDING_SOURCE (record), text, &error);
      break;
    case E_NAME_EN:
      ok = klynge_organisation_set_name_en (KLYNGE_ORGANISATION (record), text, &error);
      break;
    case E_WEBSITE:
      ok = klynge_organisation_set_website (KLYNGE_ORGANISATION (record), text, &error);
      break;
    case E_FOCUS_AREA:
      ok = klynge_organisation_add_focus_area_in_scheme (KLYNGE_ORGANISATION (record),
                                                         reader->focus_area_scheme, text, &error);
      break;
    case E_TITLE:
      ok = klynge_initiative_set_title (KLYNGE_INITIATIVE (record), text, &error);
      break;
    default:
      g_assert_not_reached ();
    }
  if (!ok)
    _klynge_xml_problem_from_error (reader, frame->line, error);
}

/* --- the table --------------------------------------------------------- */

#define PROVENANCE { E_SOURCE, 0, MANY }, { E_NOTE, 0, 1 }

static const AttributeSpec landscape_attrs[] = { { A_VERSION, REQ } };
/* <members> before <organisations>: the bulk path relies on it (see
 * klynge-xml-bulk.c) */
static const ChildSpec landscape_children[] = {
  { E_FUNDING_SOURCES, 0, 1 }, { E_MEMBERS, 0, 1 }, { E_ORGANISATIONS, 0, 1 },
  { E_CONTRACTS, 0, 1 }, { E_PROGRAMMES, 0, 1, V2 }, { E_MERGERS, 0, 1 },
  { E_INITIATIVES, 0, 1 },
};
static const ChildSpec funding_sources_children[] = { { E_FUNDING_SOURCE, 0, MANY } };
static const AttributeSpec funding_source_attrs[] = { { A_ID, REQ }, { A_KIND, REQ } };
static const ChildSpec funding_source_children[] = {
  { E_NAME, 1, 1 }, { E_PARENT, 0, 1 }, { E_IDENTIFIER, 0, MANY, V2 }, PROVENANCE
};
static const ChildSpec members_children[] = { { E_MEMBER, 0, MANY } };
static const ChildSpec member_children[] = { { E_NAME, 1, 1 }, PROVENANCE };
static const ChildSpec organisations_children[] = { { E_ORGANISATION, 0, MANY } };
static const AttributeSpec organisation_attrs[] = {
  { A_ID, REQ }, { A_KIND, REQ }, { A_FOUNDED, OPT }, { A_DISSOLVED, OPT }, { A_CVR, OPT },
  { A_MEMBER_LIST, OPT, V2 }, { A_KNOWN_UNTIL, OPT, V2 }
};
static const ChildSpec organisation_children[] = {
  { E_NAME, 1, 1 }, { E_NAME_EN, 0, 1 }, { E_WEBSITE, 0, 1 }, { E_IDENTIFIER, 0, MANY, V2 },
  { E_LOCATION, 0, MANY }, { E_FOCUS_AREA, 0, MANY }, { E_LABEL, 0, MANY },
  { E_MEMBERSHIP, 0, MANY }, PROVENANCE
};
static const AttributeSpec location_attrs[] = {
  { A_CITY, REQ }, { A_ADDRESS, OPT }, { A_ROLE, OPT }, { A_REGION, OPT, V2 }, { A_MUNICIPALITY, OPT, V2 }
};
static const AttributeSpec focus_area_attrs[] = { { A_SCHEME, OPT, V2 } };
static const AttributeSpec label_attrs[] = { { A_LEVEL, REQ }, { A_AWARDED, REQ }, { A_VALID_UNTIL, OPT } };
static const ChildSpec contracts_children[] = { { E_CONTRACT, 0, MANY } };
static const AttributeSpec contract_attrs[] = {
  { A_ID, REQ }, { A_HOLDER, REQ }, { A_START, REQ }, { A_END, REQ }, { A_AMOUNT, REQ, 0, V2 }, { A_RENEWS, OPT },
  { A_PROGRAMME, OPT, V2 }
};
static const ChildSpec contract_children[] = { { E_SHARE, 1, MANY }, PROVENANCE };
static const AttributeSpec share_attrs[] = { { A_SOURCE, REQ }, { A_PERCENT, REQ } };
static const ChildSpec programmes_children[] = { { E_PROGRAMME, 0, MANY } };
static const AttributeSpec programme_attrs[] = {
  { A_ID, REQ }, { A_KIND, REQ }, { A_START, OPT }, { A_END, OPT }
};
static const ChildSpec programme_children[] = {
  { E_NAME, 1, 1 }, { E_ENVELOPE, 0, MANY }, { E_DESIGNATION, 0, MANY }, PROVENANCE
};
static const AttributeSpec envelope_attrs[] = {
  { A_SOURCE, REQ }, { A_START, REQ }, { A_END, REQ }, { A_AMOUNT, REQ }
};
static const AttributeSpec designation_attrs[] = {
  { A_ORGANISATION, REQ }, { A_ROLE, REQ }, { A_AREA, OPT }, { A_START, REQ }, { A_END, OPT },
  { A_AREA_SCHEME, OPT, V2 }
};
static const ChildSpec mergers_children[] = { { E_MERGER, 0, MANY } };
static const AttributeSpec merger_attrs[] = {
  { A_ID, REQ }, { A_EFFECTIVE, REQ }, { A_SUCCESSOR, REQ }, { A_KIND, REQ }, { A_STATUS, REQ }
};
static const ChildSpec merger_children[] = { { E_PREDECESSOR, 1, MANY }, PROVENANCE };
static const AttributeSpec ref_attrs[] = { { A_REF, REQ } };
static const ChildSpec initiatives_children[] = { { E_INITIATIVE, 0, MANY } };
static const AttributeSpec initiative_attrs[] = {
  { A_ID, REQ }, { A_KIND, REQ }, { A_THEME, REQ }, { A_HOST, REQ },
  { A_START, OPT }, { A_END, OPT }, { A_REPLACES, OPT }, { A_PARTICIPANTS_COUNT, OPT, V2 }
};
static const ChildSpec initiative_children[] = {
  { E_TITLE, 1, 1 }, { E_PARTICIPANT, 0, MANY }, PROVENANCE
};
static const AttributeSpec identifier_attrs[] = {
  { A_SCHEME, REQ }, { A_VALUE, REQ }, { A_SINCE, OPT }, { A_UNTIL, OPT }
};
static const AttributeSpec source_attrs[] = { { A_HREF, REQ }, { A_ACCESSED, OPT } };

#define ATTRS(a) a, G_N_ELEMENTS (a)
#define CHILDREN(c) c, G_N_ELEMENTS (c)
#define NONE NULL, 0
/* the usual shapes of a row: text only; children only; attributes and
 * no children; attributes and children */
#define TEXT(name) { name, NONE, NONE, TRUE, NULL, start_text, end_text }
#define SECTION(name, c) { name, NONE, CHILDREN (c), FALSE, NULL, NULL, NULL }
#define EMPTY(name, a, start) { name, ATTRS (a), NONE, FALSE, NULL, start, NULL }
#define RECORD(name, a, c, start, end) { name, ATTRS (a), CHILDREN (c), FALSE, NULL, start, end }

static const ElementSpec element_specs[N_ELEMENTS] = {
  /* the root's attributes are read before its row applies (on_start_element()) */
  [E_LANDSCAPE] = RECORD ("landscape", landscape_attrs, landscape_children, NULL, NULL),
  [E_FUNDING_SOURCES] = SECTION ("funding-sources", funding_sources_children),
  [E_FUNDING_SOURCE] = RECORD ("funding-source", funding_source_attrs, funding_source_children,
                               _klynge_xml_start_funding_source, _klynge_xml_end_record),
  [E_NAME] = TEXT ("name"),
  [E_PARENT] = TEXT ("parent"),
  [E_SOURCE] = EMPTY ("source", source_attrs, start_source),
  [E_NOTE] = TEXT ("note"),
  [E_MEMBERS] = SECTION ("members", members_children),
  [E_MEMBER] = { "member", ATTRS (member_attrs), CHILDREN (member_children), FALSE,
                 start_member_fast, start_member, end_member },
  [E_ORGANISATIONS] = SECTION ("organisations", organisations_children),
  [E_ORGANISATION] = RECORD ("organisation", organisation_attrs, organisation_children,
                             _klynge_xml_start_organisation, _klynge_xml_end_organisation),
  [E_NAME_EN] = TEXT ("name-en"),
  [E_WEBSITE] = TEXT ("website"),
  [E_LOCATION] = EMPTY ("location", location_attrs, _klynge_xml_start_location),
  [E_FOCUS_AREA] = { "focus-area", ATTRS (focus_area_attrs), NONE, TRUE, NULL,
                     start_focus_area, end_text },
  [E_LABEL] = EMPTY ("label", label_attrs, _klynge_xml_start_label),
  [E_MEMBERSHIP] = { "membership", ATTRS (membership_attrs), NONE, FALSE,
                     start_membership_fast, start_membership, NULL },
  [E_CONTRACTS] = SECTION ("contracts", contracts_children),
  [E_CONTRACT] = RECORD ("contract", contract_attrs, contract_children,
                         _klynge_xml_start_contract, _klynge_xml_end_contract),
  [E_SHARE] = EMPTY ("share", share_attrs, _klynge_xml_start_share),
  [E_PROGRAMMES] = SECTION ("programmes", programmes_children),
  [E_PROGRAMME] = RECORD ("programme", programme_attrs, programme_children,
                          _klynge_xml_start_programme, _klynge_xml_end_record),
  [E_ENVELOPE] = EMPTY ("envelope", envelope_attrs, _klynge_xml_start_envelope),
  [E_DESIGNATION] = EMPTY ("designation", designation_attrs, _klynge_xml_start_designation),
  [E_MERGERS] = SECTION ("mergers", mergers_children),
  [E_MERGER] = RECORD ("merger", merger_attrs, merger_children,
                       _klynge_xml_start_merger, _klynge_xml_end_merger),
  [E_PREDECESSOR] = EMPTY ("predecessor", ref_attrs, _klynge_xml_start_predecessor),
  [E_INITIATIVES] = SECTION ("initiatives", initiatives_children),
  [E_INITIATIVE] = RECORD ("initiative", initiative_attrs, initiative_children,
                           _klynge_xml_start_initiative, _klynge_xml_end_initiative),
  [E_TITLE] = TEXT ("title"),
  [E_PARTICIPANT] = EMPTY ("participant", ref_attrs, _klynge_xml_start_participant),
  [E_IDENTIFIER] = EMPTY ("identifier", identifier_attrs, _klynge_xml_start_identifier),
};

/* --- SAX callbacks ----------------------------------------------------- */

static Reader *
reader_from (void *ctx)
{
  return ((xmlParserCtxtPtr) ctx)->_private;
}

static void
on_internal_subset (void          *ctx,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  Reader *reader = reader_from (ctx);

  _klynge_xml_reader_fatal_at (reader, KLYNGE_ERROR_DOCTYPE_FORBIDDEN, _klynge_xml_reader_line (reader), 0,
                               "the document has a DOCTYPE declaration; landscapes never do");
}

static void
on_entity_decl (void          *ctx,
                const xmlChar *name,
                int            type,
                const xmlChar *public_id,
                const xmlChar *system_id,
                xmlChar       *content)
{
  Reader *reader = reader_from (ctx);

  _klynge_xml_reader_fatal_at (reader, KLYNGE_ERROR_ENTITY_FORBIDDEN, _klynge_xml_reader_line (reader), 0,
                               "the document declares the entity “%s”", (const char *) name);
}

static void
on_reference (void          *ctx,
              const xmlChar *name)
{
  Reader *reader = reader_from (ctx);

  _klynge_xml_reader_fatal_at (reader, KLYNGE_ERROR_ENTITY_FORBIDDEN, _klynge_xml_reader_line (reader), 0,
                               "the document refers to the entity “%s”", (const char *) name);
}

static void
on_processing_instruction (void          *ctx,
                           const xmlChar *target,
                           const xmlChar *data)
{
  Reader *reader = reader_from (ctx);

  _klynge_xml_reader_fatal_at (reader, KLYNGE_ERROR_UNKNOWN_ELEMENT, _klynge_xml_reader_line (reader), 0,
                               "processing instructions (“<?%s”) are not part of the format",
                               (const char *) target);
}

static ElementId
element_id_of (Reader        *reader,
               const xmlChar *localname)
{
  /* the bulk alternates between two or three elements */
  for (guint c = 0; c < G_N_ELEMENTS (reader->recent_elements); c++)
    if (reader->element_atoms[reader->recent_elements[c]] == localname)
      return reader->recent_elements[c];
  for (guint e = 0; e < N_ELEMENTS; e++)
    if (reader->element_atoms[e] == localname)
      {
        memmove (reader->recent_elements + 1, reader->recent_elements,
                 sizeof reader->recent_elements - sizeof reader->recent_elements[0]);
        reader->recent_elements[0] = e;
        return e;
      }
  return N_ELEMENTS;
}

/* Checks that @element may come next in the parent frame, by the spec's
 * child order and counts. */
static gboolean
accept_child (Reader    *reader,
              Frame     *parent,
              ElementId  element,
              guint      line)
{
  const ElementSpec *spec = &element_specs[parent->element];
  guint i;

  /* another of a repeated child: what the checks below come to */
  if (parent->child_position < spec->n_children
      && spec->children[parent->child_position].element == element
      && spec->children[parent->child_position].max == MANY)
    {
      parent->child_count++;
      return TRUE;
    }
  for (i = 0; i < spec->n_children; i++)
    if (spec->children[i].element == element)
      break;
  if (i == spec->n_children)
    {
      _klynge_xml_reader_fatal_at (reader, KLYNGE_ERROR_UNKNOWN_ELEMENT, line, 0,
                                   "<%s> cannot contain <%s>", spec->name, element_specs[element].name);
      return FALSE;
    }
  if (spec->children[i].since > reader->version)
    {
      _klynge_xml_reader_fatal_at (reader, KLYNGE_ERROR_UNKNOWN_ELEMENT, line, 0,
                                   "<%s> needs version=\"%u\" of the format; the document says version=\"%u\"",
                                   element_specs[element].name, spec->children[i].since, reader->version);
      return FALSE;
    }
  if (i < parent->child_position
      || (i == parent->child_position && spec->children[i].max != MANY
          && parent->child_count >= spec->children[i].max))
    {
      _klynge_xml_reader_fatal_at (reader, KLYNGE_ERROR_UNKNOWN_ELEMENT, line, 0,
                                   i < parent->child_position
                                   ? "<%s> is out of order in <%s>"
                                   : "<%s> appears too often in <%s>",
                                   element_specs[element].name, spec->name);
      return FALSE;
    }
  for (guint j = parent->child_position; j < i; j++)
    {
      guint seen = j == parent->child_position ? parent->child_count : 0;

      if (seen < spec->children[j].min)
        {
          _klynge_xml_reader_fatal_at (reader, KLYNGE_ERROR_MISSING_ELEMENT, parent->line, 0,
                                       "<%s> needs <%s> before <%s>", spec->name,
                                       element_specs[spec->children[j].element].name,
                                       element_specs[element].name);
          return FALSE;
        }
    }
  if (i != parent->child_position)
    {
      parent->child_position = i;
      parent->child_count = 0;
    }
  parent->child_count++;
  return TRUE;
}

static void
check_children_complete (Reader *reader,
                         Frame  *frame)
{
  const ElementSpec *spec = &element_specs[frame->element];

  for (guint j = frame->child_position; j < spec->n_children; j++)
    {
      guint seen = j == frame->child_position ? frame->child_count : 0;

      if (seen < spec->children[j].min)
        {
          _klynge_xml_reader_fatal_at (reader, KLYNGE_ERROR_MISSING_ELEMENT, frame->line, 0,
                                       "<%s> needs <%s>", spec->name,
                                       element_specs[spec->children[j].element].name);
          return;
        }
    }
}

static void
start_root (Reader        *reader,
            const xmlChar *localname,
            const xmlChar *uri,
            guint          line)
{
  if (localname != reader->element_atoms[E_LANDSCAPE] || uri == NULL
      || strcmp ((const char *) uri, KLYNGE_XML_NAMESPACE) != 0)
    {
      _klynge_xml_reader_fatal_at (reader, KLYNGE_ERROR_NOT_A_LANDSCAPE, line, 0,
                                   "the root element is <%s>%s%s%s; a landscape is <landscape> in the namespace “"
                                   KLYNGE_XML_NAMESPACE "”",
                                   (const char *) localname,
                                   uri ? " in the namespace “" : " in no namespace",
                                   uri ? (const char *) uri : "", uri ? "”" : "");
      return;
    }
  if (reader->values[A_VERSION] == NULL)
    return;
  if (strcmp (reader->values[A_VERSION], "2") == 0)
    reader->version = 2;
  else if (strcmp (reader->values[A_VERSION], "1") != 0)
    _klynge_xml_reader_fatal_at (reader, KLYNGE_ERROR_UNSUPPORTED_VERSION, line, 0,
                                 "this is version “%s” of the format; klynge reads versions 1 and 2",
                                 reader->values[A_VERSION]);
}

static void
push_frame (Reader    *reader,
            ElementId  element,
            guint      line)
{
  Frame *frame = &reader->stack[reader->depth - 1];

  frame->element = element;
  frame->child_position = 0;
  frame->child_count = 0;
  frame->line = line;
}

/* libxml2 hands a start tag over when its attributes stop, even at a
 * byte that cannot stand there (a NUL, say), and reports the broken tag
 * only afterwards ("Couldn't find end of Start Tag"); judged first, its
 * attributes would look missing. */
static gboolean
start_tag_complete (Reader *reader)
{
  const xmlChar *cur = reader->parser->input->cur;

  return cur[0] == '>' || (cur[0] == '/' && cur[1] == '>');
}

static void
on_start_element (void           *ctx,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             nb_namespaces,
                  const xmlChar **namespaces,
                  int             nb_attributes,
                  int             nb_defaulted,
                  const xmlChar **attributes)
{
  Reader *reader = reader_from (ctx);
  guint line = _klynge_xml_reader_line (reader);
  const ElementSpec *spec;
  ElementId element;
  Frame *parent;

  if (_klynge_xml_reader_failed (reader) || !start_tag_complete (reader))
    return;

  reader->depth++;
  if (reader->depth > reader->options.max_depth)
    {
      _klynge_xml_reader_fatal_at (reader, KLYNGE_ERROR_LIMIT_EXCEEDED, line, 0,
                                   "elements are nested more than %u deep", reader->options.max_depth);
      return;
    }

  element = element_id_of (reader, localname);
  if (!reader->root_seen)
    {
      reader->root_seen = TRUE;
      if (element == E_LANDSCAPE)
        read_attributes (reader, &element_specs[E_LANDSCAPE], nb_attributes, attributes);
      if (_klynge_xml_reader_failed (reader))
        return;
      start_root (reader, localname, uri, line);
      push_frame (reader, E_LANDSCAPE, line);
      return;
    }

  parent = &reader->stack[reader->depth - 2];
  if (element_specs[parent->element].text)
    {
      _klynge_xml_reader_fatal_at (reader, KLYNGE_ERROR_BAD_VALUE, line, 0,
                                   "<%s> holds text only, not <%s>", element_specs[parent->element].name,
                                   (const char *) localname);
      return;
    }
  if (element == N_ELEMENTS || uri == NULL || uri != reader->namespace_atom)
    {
      if (element != N_ELEMENTS && uri != NULL && strcmp ((const char *) uri, KLYNGE_XML_NAMESPACE) == 0)
        reader->namespace_atom = uri;
      else
        {
          _klynge_xml_reader_fatal_at (reader, KLYNGE_ERROR_UNKNOWN_ELEMENT, line, 0,
                                       "<%s%s%s>%s%s%s is not part of the format",
                                       prefix ? (const char *) prefix : "", prefix ? ":" : "",
                                       (const char *) localname,
                                       uri ? " in the namespace “" : "", uri ? (const char *) uri : "",
                                       uri ? "”" : "");
          return;
        }
    }
  if (!accept_child (reader, parent, element, line))
    return;
  spec = &element_specs[element];
  if (spec->fast != NULL && spec->fast (reader, nb_attributes, attributes, line))
    {
      push_frame (reader, element, line);
      return;
    }
  /* a member's <name> leaves its pending duplicate check pending */
  if (!(element == E_NAME && reader->in_member))
    resolve_claim (reader);
  /* a failure stopped the parser, which freed the buffer the attribute
   * values point into */
  if (_klynge_xml_reader_failed (reader) || !read_attributes (reader, spec, nb_attributes, attributes))
    return;
  push_frame (reader, element, line);
  if (spec->start != NULL)
    spec->start (reader, line);
}

static void
on_end_element (void          *ctx,
                const xmlChar *localname,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  Reader *reader = reader_from (ctx);
  const ElementSpec *spec;
  Frame *frame;

  if (_klynge_xml_reader_failed (reader))
    return;
  frame = &reader->stack[reader->depth - 1];
  spec = &element_specs[frame->element];
  reader->depth--;

  if (spec->text)
    reader->collecting_text = FALSE;
  else
    check_children_complete (reader, frame);
  if (!_klynge_xml_reader_failed (reader) && spec->end != NULL)
    spec->end (reader, frame);
}

static void
on_characters (void          *ctx,
               const xmlChar *chars,
               int            length)
{
  Reader *reader = reader_from (ctx);

  if (_klynge_xml_reader_failed (reader))
    return;
  if (reader->collecting_text)
    {
      if (reader->text->len + (gsize) length > reader->options.max_value_length)
        {
          _klynge_xml_reader_fatal_at (reader, KLYNGE_ERROR_LIMIT_EXCEEDED, _klynge_xml_reader_line (reader), 0,
                                       "a text is longer than %u bytes", reader->options.max_value_length);
          return;
        }
      g_string_append_len (reader->text, (const char *) chars, length);
      return;
    }
  for (int i = 0; i < length; i++)
    if (!g_ascii_isspace (chars[i]))
      {
        _klynge_xml_reader_fatal_at (reader, KLYNGE_ERROR_UNEXPECTED_TEXT, _klynge_xml_reader_line (reader), 0,
                                     "text is not allowed here, only elements");
        return;
      }
}

/* --- set-up ------------------------------------------------------------ */

/* the size from which a document is read with the worker and the
 * read-ahead thread; streams of unknown size never are */
#define THREADS_FROM (1024 * 1024)

static guint64 threads_from_size = THREADS_FROM;

static guint64
threads_from (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      const char *env = g_getenv ("KLYNGE_TEST_BULK_FROM");

      if (env != NULL && *env != '\0')
        threads_from_size = g_ascii_strtoull (env, NULL, 10);
      g_once_init_leave (&done, 1);
    }
  return threads_from_size;
}

void
_klynge_xml_reader_set_threads_from (guint64 size)
{
  threads_from ();
  threads_from_size = size;
}

KlyngeXmlReader *
_klynge_xml_reader_new (const char              *name,
                        const KlyngeLoadOptions *options,
                        gboolean                 collect)
{
  xmlSAXHandler sax;
  Reader *reader;

  _klynge_xml_input_init ();

  memset (&sax, 0, sizeof sax);
  sax.initialized = XML_SAX2_MAGIC;
  sax.startDocument = _klynge_xml_input_on_start_document;
  sax.startElementNs = on_start_element;
  sax.endElementNs = on_end_element;
  sax.characters = on_characters;
  sax.cdataBlock = on_characters;
  sax.internalSubset = on_internal_subset;
  sax.entityDecl = on_entity_decl;
  sax.reference = on_reference;
  sax.processingInstruction = on_processing_instruction;
  sax.serror = on_structured_error;

  reader = g_new0 (Reader, 1);
  reader->file = g_strdup (name ? name : "<input>");
  if (options != NULL)
    reader->options = *options;
  else
    _klynge_load_options_init_defaults (&reader->options);
  reader->landscape = klynge_landscape_new ();
  reader->problems = collect
    ? g_ptr_array_new_with_free_func ((GDestroyNotify) klynge_problem_unref) : NULL;
  reader->scratch = g_string_sized_new (256);
  reader->text = g_string_sized_new (256);
  reader->member_id = g_string_new (NULL);
  reader->member_name = g_string_new (NULL);
  reader->bulk = _klynge_xml_bulk_new (reader->landscape);
  _klynge_xml_bulk_set_threaded (reader->bulk, threads_from () == 0);
  /* a landscape read only to be validated is never edited nor handed
   * out, so it may keep each membership's line for its findings */
  _klynge_xml_bulk_set_keep_lines (reader->bulk, collect);
  if (threads_from () == 0)
    _klynge_xml_bulk_set_tiny_batches (reader->bulk);
  reader->sync_every_chunk = TRUE;
  reader->version = 1;

  /* No initial bytes: the names are interned in the parser's dictionary
   * before anything is parsed, so elements compare as pointers. */
  reader->parser = xmlCreatePushParserCtxt (&sax, NULL, NULL, 0, reader->file);
  g_assert (reader->parser != NULL);
  reader->parser->_private = reader;
  /* serror gets the parser as its context */
  xmlCtxtUseOptions (reader->parser, XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
  reader->parser->sax->serror = on_structured_error;
  reader->parser->userData = reader->parser;
  for (guint e = 0; e < N_ELEMENTS; e++)
    reader->element_atoms[e] = xmlDictLookup (reader->parser->dict, BAD_CAST element_specs[e].name, -1);
  for (guint a = 0; a < N_ATTRIBUTES; a++)
    reader->attribute_atoms[a] = xmlDictLookup (reader->parser->dict, BAD_CAST attribute_names[a], -1);
  reader->namespace_atom = xmlDictLookup (reader->parser->dict, BAD_CAST KLYNGE_XML_NAMESPACE, -1);
  return reader;
}

/* The size of the document, when known before it is read. */
void
_klynge_xml_reader_set_size (Reader  *reader,
                             guint64  size)
{
  reader->bytes_total = size;
  _klynge_xml_bulk_set_threaded (reader->bulk, _klynge_xml_reader_threaded (reader));
}

/* Whether the document is read with the worker and the read-ahead thread. */
gboolean
_klynge_xml_reader_threaded (Reader *reader)
{
  return reader->bytes_total >= threads_from ();
}

void
_klynge_xml_reader_free (Reader *reader)
{
  _klynge_xml_bulk_free (reader->bulk);
  if (reader->parser != NULL)
    {
      if (reader->parser->myDoc != NULL)
        xmlFreeDoc (reader->parser->myDoc);
      xmlFreeParserCtxt (reader->parser);
    }
  g_clear_object (&reader->landscape);
  g_clear_object (&reader->member_object);
  g_clear_error (&reader->error);
  g_clear_pointer (&reader->fatal, klynge_problem_unref);
  g_clear_pointer (&reader->problems, g_ptr_array_unref);
  g_string_free (reader->scratch, TRUE);
  g_string_free (reader->text, TRUE);
  g_free (reader->focus_area_scheme);
  g_string_free (reader->member_id, TRUE);
  g_string_free (reader->member_name, TRUE);
  g_free (reader->file);
  g_free (reader);
}

/* After the last byte: forward references, then hand the landscape over. */
KlyngeLandscape *
_klynge_xml_reader_finish (Reader  *reader,
                           GError **error)
{
  flush_deferred (reader);
  if (!_klynge_xml_reader_failed (reader) && !reader->root_seen)
    _klynge_xml_reader_fatal_at (reader, KLYNGE_ERROR_XML_SYNTAX, 1, 0, "the document is empty");

  if (!_klynge_xml_reader_failed (reader))
    {
      g_autoptr(GPtrArray) problems =
        g_ptr_array_new_with_free_func ((GDestroyNotify) klynge_problem_unref);

      _klynge_landscape_check_references (reader->landscape, reader->file, problems);
      for (guint i = 0; i < problems->len; i++)
        {
          KlyngeProblem *problem = g_ptr_array_index (problems, i);
          _klynge_xml_problem_at (reader, klynge_problem_get_code (problem),
                                  klynge_problem_get_line (problem), "%s",
                                  klynge_problem_get_message (problem));
        }
    }

  if (reader->problems != NULL && reader->problems->len > 0 && reader->error == NULL)
    {
      reader->fatal = klynge_problem_ref (g_ptr_array_index (reader->problems, 0));
      _klynge_problem_to_error (reader->fatal, &reader->error);
    }
  if (reader->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&reader->error));
      return NULL;
    }
  return g_steal_pointer (&reader->landscape);
}
