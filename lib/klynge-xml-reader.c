/* klynge-xml-reader.c: the streaming, staged loader
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The document is pushed through libxml2's SAX2 interface in chunks; no
 * tree is ever built. A table says, for every element, which attributes it
 * takes and which children in which order, so anything else is an error,
 * never skipped. Records go into a fresh landscape that is handed out only
 * when the whole document has been read and every reference resolved.
 *
 * Hostile input: every entry point goes through reader_new(), which sets
 * up the one parser configuration: no network, no entity substitution, no
 * DTD loading, no XInclude; a DOCTYPE stops the parse at once, as does any
 * entity other than the predefined ones; nesting, value lengths, attribute
 * counts and the total size are capped; the document must be UTF-8.
 */
#include "config.h"

#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>

#include "klynge-xml-private.h"
#include "klynge-validate-private.h"

typedef enum {
  E_LANDSCAPE,
  E_FUNDING_SOURCES, E_FUNDING_SOURCE, E_NAME, E_PARENT, E_SOURCE, E_NOTE,
  E_MEMBERS, E_MEMBER,
  E_ORGANISATIONS, E_ORGANISATION, E_NAME_EN, E_WEBSITE, E_LOCATION,
  E_FOCUS_AREA, E_LABEL, E_MEMBERSHIP,
  E_CONTRACTS, E_CONTRACT, E_SHARE,
  E_MERGERS, E_MERGER, E_PREDECESSOR,
  E_INITIATIVES, E_INITIATIVE, E_TITLE, E_PARTICIPANT,
  N_ELEMENTS
} ElementId;

static const char * const element_names[N_ELEMENTS] = {
  "landscape",
  "funding-sources", "funding-source", "name", "parent", "source", "note",
  "members", "member",
  "organisations", "organisation", "name-en", "website", "location",
  "focus-area", "label", "membership",
  "contracts", "contract", "share",
  "mergers", "merger", "predecessor",
  "initiatives", "initiative", "title", "participant",
};

typedef enum {
  A_VERSION, A_ID, A_KIND, A_CVR, A_SIZE, A_FOUNDED, A_DISSOLVED, A_CITY,
  A_ADDRESS, A_ROLE, A_LEVEL, A_AWARDED, A_VALID_UNTIL, A_MEMBER, A_SINCE,
  A_UNTIL, A_HOLDER, A_START, A_END, A_AMOUNT, A_RENEWS, A_SOURCE, A_PERCENT,
  A_EFFECTIVE, A_SUCCESSOR, A_STATUS, A_REF, A_THEME, A_HOST, A_REPLACES,
  A_HREF, A_ACCESSED,
  N_ATTRIBUTES
} AttributeId;

static const char * const attribute_names[N_ATTRIBUTES] = {
  "version", "id", "kind", "cvr", "size", "founded", "dissolved", "city",
  "address", "role", "level", "awarded", "valid-until", "member", "since",
  "until", "holder", "start", "end", "amount", "renews", "source", "percent",
  "effective", "successor", "status", "ref", "theme", "host", "replaces",
  "href", "accessed",
};

#define REQ 1
#define OPT 0
#define MANY 0xff

typedef struct { guint8 attribute; guint8 required; } AttributeSpec;
typedef struct { guint8 element; guint8 min; guint8 max; } ChildSpec;

typedef struct {
  const AttributeSpec *attributes;
  guint n_attributes;
  const ChildSpec *children;
  guint n_children;
  gboolean text;
} ElementSpec;

#define PROVENANCE { E_SOURCE, 0, MANY }, { E_NOTE, 0, 1 }

static const AttributeSpec landscape_attrs[] = { { A_VERSION, REQ } };
static const ChildSpec landscape_children[] = {
  { E_FUNDING_SOURCES, 0, 1 }, { E_MEMBERS, 0, 1 }, { E_ORGANISATIONS, 0, 1 },
  { E_CONTRACTS, 0, 1 }, { E_MERGERS, 0, 1 }, { E_INITIATIVES, 0, 1 },
};
static const ChildSpec funding_sources_children[] = { { E_FUNDING_SOURCE, 0, MANY } };
static const AttributeSpec funding_source_attrs[] = { { A_ID, REQ }, { A_KIND, REQ } };
static const ChildSpec funding_source_children[] = {
  { E_NAME, 1, 1 }, { E_PARENT, 0, 1 }, PROVENANCE
};
static const ChildSpec members_children[] = { { E_MEMBER, 0, MANY } };
static const AttributeSpec member_attrs[] = {
  { A_ID, REQ }, { A_CVR, OPT }, { A_KIND, REQ }, { A_SIZE, OPT }
};
static const ChildSpec member_children[] = { { E_NAME, 1, 1 }, PROVENANCE };
static const ChildSpec organisations_children[] = { { E_ORGANISATION, 0, MANY } };
static const AttributeSpec organisation_attrs[] = {
  { A_ID, REQ }, { A_KIND, REQ }, { A_FOUNDED, OPT }, { A_DISSOLVED, OPT }, { A_CVR, OPT }
};
static const ChildSpec organisation_children[] = {
  { E_NAME, 1, 1 }, { E_NAME_EN, 0, 1 }, { E_WEBSITE, 0, 1 },
  { E_LOCATION, 0, MANY }, { E_FOCUS_AREA, 0, MANY }, { E_LABEL, 0, MANY },
  { E_MEMBERSHIP, 0, MANY }, PROVENANCE
};
static const AttributeSpec location_attrs[] = { { A_CITY, REQ }, { A_ADDRESS, OPT }, { A_ROLE, OPT } };
static const AttributeSpec label_attrs[] = { { A_LEVEL, REQ }, { A_AWARDED, REQ }, { A_VALID_UNTIL, OPT } };
static const AttributeSpec membership_attrs[] = { { A_MEMBER, REQ }, { A_SINCE, OPT }, { A_UNTIL, OPT } };
static const ChildSpec contracts_children[] = { { E_CONTRACT, 0, MANY } };
static const AttributeSpec contract_attrs[] = {
  { A_ID, REQ }, { A_HOLDER, REQ }, { A_START, REQ }, { A_END, REQ }, { A_AMOUNT, REQ }, { A_RENEWS, OPT }
};
static const ChildSpec contract_children[] = { { E_SHARE, 1, MANY }, PROVENANCE };
static const AttributeSpec share_attrs[] = { { A_SOURCE, REQ }, { A_PERCENT, REQ } };
static const ChildSpec mergers_children[] = { { E_MERGER, 0, MANY } };
static const AttributeSpec merger_attrs[] = {
  { A_ID, REQ }, { A_EFFECTIVE, REQ }, { A_SUCCESSOR, REQ }, { A_KIND, REQ }, { A_STATUS, REQ }
};
static const ChildSpec merger_children[] = { { E_PREDECESSOR, 1, MANY }, PROVENANCE };
static const AttributeSpec ref_attrs[] = { { A_REF, REQ } };
static const ChildSpec initiatives_children[] = { { E_INITIATIVE, 0, MANY } };
static const AttributeSpec initiative_attrs[] = {
  { A_ID, REQ }, { A_KIND, REQ }, { A_THEME, REQ }, { A_HOST, REQ },
  { A_START, OPT }, { A_END, OPT }, { A_REPLACES, OPT }
};
static const ChildSpec initiative_children[] = {
  { E_TITLE, 1, 1 }, { E_PARTICIPANT, 0, MANY }, PROVENANCE
};
static const AttributeSpec source_attrs[] = { { A_HREF, REQ }, { A_ACCESSED, OPT } };

#define ATTRS(a) a, G_N_ELEMENTS (a)
#define CHILDREN(c) c, G_N_ELEMENTS (c)
#define NONE NULL, 0

static const ElementSpec element_specs[N_ELEMENTS] = {
  [E_LANDSCAPE] = { ATTRS (landscape_attrs), CHILDREN (landscape_children), FALSE },
  [E_FUNDING_SOURCES] = { NONE, CHILDREN (funding_sources_children), FALSE },
  [E_FUNDING_SOURCE] = { ATTRS (funding_source_attrs), CHILDREN (funding_source_children), FALSE },
  [E_NAME] = { NONE, NONE, TRUE },
  [E_PARENT] = { NONE, NONE, TRUE },
  [E_SOURCE] = { ATTRS (source_attrs), NONE, FALSE },
  [E_NOTE] = { NONE, NONE, TRUE },
  [E_MEMBERS] = { NONE, CHILDREN (members_children), FALSE },
  [E_MEMBER] = { ATTRS (member_attrs), CHILDREN (member_children), FALSE },
  [E_ORGANISATIONS] = { NONE, CHILDREN (organisations_children), FALSE },
  [E_ORGANISATION] = { ATTRS (organisation_attrs), CHILDREN (organisation_children), FALSE },
  [E_NAME_EN] = { NONE, NONE, TRUE },
  [E_WEBSITE] = { NONE, NONE, TRUE },
  [E_LOCATION] = { ATTRS (location_attrs), NONE, FALSE },
  [E_FOCUS_AREA] = { NONE, NONE, TRUE },
  [E_LABEL] = { ATTRS (label_attrs), NONE, FALSE },
  [E_MEMBERSHIP] = { ATTRS (membership_attrs), NONE, FALSE },
  [E_CONTRACTS] = { NONE, CHILDREN (contracts_children), FALSE },
  [E_CONTRACT] = { ATTRS (contract_attrs), CHILDREN (contract_children), FALSE },
  [E_SHARE] = { ATTRS (share_attrs), NONE, FALSE },
  [E_MERGERS] = { NONE, CHILDREN (mergers_children), FALSE },
  [E_MERGER] = { ATTRS (merger_attrs), CHILDREN (merger_children), FALSE },
  [E_PREDECESSOR] = { ATTRS (ref_attrs), NONE, FALSE },
  [E_INITIATIVES] = { NONE, CHILDREN (initiatives_children), FALSE },
  [E_INITIATIVE] = { ATTRS (initiative_attrs), CHILDREN (initiative_children), FALSE },
  [E_TITLE] = { NONE, NONE, TRUE },
  [E_PARTICIPANT] = { ATTRS (ref_attrs), NONE, FALSE },
};

/* The deepest the format goes: landscape/organisations/organisation/x. */
#define FORMAT_DEPTH 4

typedef struct {
  ElementId element;
  guint child_position;   /* index into the spec's children */
  guint child_count;      /* occurrences of that child so far */
  guint line;
} Frame;

/* A membership of the organisation being read, with its line, so that a
 * duplicate is reported where it stands. */
typedef struct {
  KlyngeMembershipSlot slot;
  guint line;
} PendingMembership;

/* A membership read by the fast path whose member is not looked up yet:
 * look-ups are made in batches, on a second thread, so that their cache
 * misses overlap each other and the parse (see post_batch()). */
typedef struct {
  /* in Batch.text: the values as they stand in the document; a length
   * of NO_VALUE for an attribute that is not there */
  guint32 offsets[3];    /* member, since, until */
  guint32 lengths[3];
  guint line;
} DeferredMembership;

#define NO_VALUE G_MAXUINT32

/* The deferred memberships of one organisation within a batch. */
typedef struct {
  KlyngeOrgEntry *entry;
  KlyngeRecord *record;  /* the organisation, for the problems */
  guint first;           /* its first in Batch.deferred */
  gboolean end;          /* the organisation ends after them */
} Segment;

/* Deferred memberships, organisation by organisation, handed to the
 * worker together. */
typedef struct {
  GArray *deferred;      /* DeferredMembership */
  GString *text;
  GArray *segments;      /* Segment */
} Batch;

/* posted at this many memberships, or organisations */
#define BATCH_SIZE 1024
#define BATCH_SEGMENTS 256
/* batches posted and not yet done, at most */
#define MAX_QUEUED 64
/* the size from which a document is read with the worker and the
 * read-ahead thread; streams of unknown size never are */
#define THREADS_FROM (1024 * 1024)

/* What the worker found wrong, for the parsing thread to report in
 * document order, exactly as the general path would have. */
typedef enum {
  FAILURE_MEMBERSHIP,    /* the member is not found, or a date fails */
  FAILURE_DUPLICATE,     /* a second membership since the same date */
} FailureKind;

typedef struct {
  FailureKind kind;
  KlyngeOrgEntry *entry; /* the organisation */
  KlyngeRecord *record;
  char *values[3];       /* MEMBERSHIP: member, since, until as they stand */
  guint32 member;        /* DUPLICATE: the member's slot */
  guint line;
} Failure;

typedef struct {
  xmlParserCtxtPtr parser;
  KlyngeLandscape *landscape;
  KlyngeLoadOptions options;
  char *file;

  GError *error;          /* the first fatal error */
  KlyngeProblem *fatal;   /* the same as data; NULL for a cancellation */
  GPtrArray *problems;    /* when collecting every problem; else NULL */

  const xmlChar *element_atoms[N_ELEMENTS];
  ElementId recent_elements[3];           /* looked up lately, first first */
  const xmlChar *attribute_atoms[N_ATTRIBUTES];
  const xmlChar *namespace_atom;

  Frame stack[FORMAT_DEPTH + 1];
  guint depth;            /* elements open, including ones past the format */
  gboolean root_seen;

  /* attribute values of the element being started, NUL-terminated */
  const char *values[N_ATTRIBUTES];
  gsize value_lengths[N_ATTRIBUTES];
  GString *scratch;
  gsize value_offsets[N_ATTRIBUTES];

  GString *text;
  gboolean collecting_text;

  /* the record being read */
  KlyngeRecord *record;
  KlyngeOrgEntry *org_entry;
  gboolean flushing;            /* in flush_deferred() */

  /* The membership worker. The parsing thread fills @batch and posts it;
   * the worker looks the members up, keeps the organisation's memberships
   * in @pending_memberships and, at its end, sorts them, finds duplicates
   * and stores them. Every report, every general-path <membership> and the
   * end of every chunk wait for the worker first (sync_worker()) and
   * report what it found, so that errors, problems, progress and reads
   * are exactly what a single thread gives. */
  Batch *batch;                 /* parsing thread */
  GThread *worker;
  GMutex lock;
  GCond cond;
  GQueue queue;                 /* (lock) Batch, posted, not yet taken */
  GQueue spare;                 /* (lock) Batch, done, for reuse */
  guint n_posted;               /* (lock) */
  guint n_done;                 /* (lock) */
  gboolean quit;                /* (lock) */
  gboolean worker_waits;        /* (lock) for work */
  gboolean parser_waits;        /* (lock) for the worker */
  /* Whether every chunk waits for the worker before it counts as read:
   * so that after an error found there no more chunks are read or
   * reported to @progress, as on a single thread. A file the loader
   * opened itself, read without @progress, need not. */
  gboolean sync_every_chunk;
  /* the worker's while it runs, the parsing thread's after sync_worker() */
  GArray *pending_memberships;  /* PendingMembership */
  KlyngeMemberQuery *queries;   /* BATCH_SIZE of them */
  GArray *failures;             /* Failure */
  guint worker_memberships;     /* stored since the last sync */
  /* a member is stored compactly; an object only if it has provenance */
  gboolean in_member;
  GString *member_id;
  GString *member_name;
  guint32 member_cvr;
  KlyngeMemberKind member_kind;
  KlyngeMemberSize member_size;
  KlyngeMember *member_object;
  /* the member's id is checked for a duplicate at </member> (or before
   * anything else is reported), so the look-up's cache miss overlaps the
   * parse of its <name> */
  gboolean claim_pending;
  guint claim_line;

  /* the pre-scan that counts attributes before libxml2 sees a tag */
  int scan_state;
  guint scan_marks;
  char scan_quote;
  guint scan_attributes;

  guint64 bytes_read;
  guint64 bytes_total;
  KlyngeProgressFunc progress;
  gpointer progress_data;
} Reader;

/* --- errors ------------------------------------------------------------ */

static guint
reader_line (Reader *reader)
{
  return reader->parser != NULL ? (guint) xmlSAX2GetLineNumber (reader->parser) : 0;
}

static guint
reader_column (Reader *reader)
{
  return reader->parser != NULL ? (guint) xmlSAX2GetColumnNumber (reader->parser) : 0;
}

static void
reader_stop (Reader *reader)
{
  if (reader->parser != NULL)
    xmlStopParser (reader->parser);
}

static void
reader_fatal_at (Reader     *reader,
                 int         code,
                 guint       line,
                 guint       column,
                 const char *format,
                 ...) G_GNUC_PRINTF (5, 6);

static void flush_deferred (Reader *reader);
static void post_batch (Reader *reader);
static Segment *current_segment (Reader *reader);
static void sync_worker (Reader *reader);

/* An error that ends the load (and, when collecting, the listing). */
static void
reader_fatal_at (Reader     *reader,
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

static void
reader_problem_at (Reader     *reader,
                   int         code,
                   guint       line,
                   const char *format,
                   ...) G_GNUC_PRINTF (4, 5);

/* An error in the data: when collecting, it is listed and reading goes
 * on; otherwise it ends the load like any other. */
static void
reader_problem_at (Reader     *reader,
                   int         code,
                   guint       line,
                   const char *format,
                   ...)
{
  g_autofree char *message = NULL;
  va_list args;

  flush_deferred (reader);
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (reader->problems == NULL)
    {
      reader_fatal_at (reader, code, line, 0, "%s", message);
      return;
    }
  if (reader->error == NULL)
    g_ptr_array_add (reader->problems,
                     klynge_problem_new (code, reader->file, line, 0,
                                         reader->record ? klynge_record_get_id (reader->record) : NULL,
                                         message));
}

/* Reports a GError from a setter as a problem at @line. */
static void
reader_problem_from_error (Reader *reader,
                           guint   line,
                           GError *error)
{
  reader_problem_at (reader, error->code, line, "%s", error->message);
  g_error_free (error);
}

static gboolean
reader_failed (Reader *reader)
{
  return reader->error != NULL;
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
    case XML_ERR_INTERNAL_ERROR:
      /* libxml2 reports its own nesting and size guards this way */
      code = KLYNGE_ERROR_LIMIT_EXCEEDED;
      break;
    default:
      code = KLYNGE_ERROR_XML_SYNTAX;
      break;
    }

  message = g_strchomp (g_strdup (xml_error->message ? xml_error->message : "malformed XML"));
  reader_fatal_at (reader, code, (guint) xml_error->line, (guint) xml_error->int2,
                   "%s", message);
}

/* --- attributes -------------------------------------------------------- */

static void
clear_values (Reader *reader)
{
  memset (reader->values, 0, sizeof reader->values);
}

/* libxml2's SAX2 interface hands attribute values over with every '&'
 * (written &amp; or &#38;) left as the text "&#38;", since it expects to
 * re-parse them into a tree; no other '&' can be in a value. */
static void
append_attribute_value (GString    *out,
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

/* Reads the attributes of an element into reader->values by their id,
 * refusing unknown, prefixed, over-long and missing ones. */
static gboolean
read_attributes (Reader         *reader,
                 ElementId       element,
                 int             nb_attributes,
                 const xmlChar **attributes)
{
  const ElementSpec *spec = &element_specs[element];
  guint line = reader_line (reader);

  clear_values (reader);
  g_string_truncate (reader->scratch, 0);

  if ((guint) nb_attributes > reader->options.max_attributes)
    {
      reader_fatal_at (reader, KLYNGE_ERROR_LIMIT_EXCEEDED, line, 0,
                       "<%s> has %d attributes; at most %u are allowed",
                       element_names[element], nb_attributes, reader->options.max_attributes);
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
          reader_problem_at (reader, KLYNGE_ERROR_UNKNOWN_ATTRIBUTE, line,
                             "<%s> has no attribute “%s%s%s”", element_names[element],
                             prefix ? (const char *) prefix : "", prefix ? ":" : "",
                             (const char *) localname);
          if (reader_failed (reader))
            return FALSE;
          continue;
        }
      if (length > reader->options.max_value_length)
        {
          reader_fatal_at (reader, KLYNGE_ERROR_LIMIT_EXCEEDED, line, 0,
                           "the value of “%s” is %" G_GSIZE_FORMAT " bytes long; at most %u are allowed",
                           (const char *) localname, length, reader->options.max_value_length);
          return FALSE;
        }
      a = spec->attributes[a].attribute;
      reader->value_offsets[a] = reader->scratch->len;
      append_attribute_value (reader->scratch, value, length);
      reader->value_lengths[a] = reader->scratch->len - reader->value_offsets[a];
      g_string_append_c (reader->scratch, '\0');
      reader->values[a] = "";   /* set below, once scratch stops moving */
    }

  for (guint a = 0; a < spec->n_attributes; a++)
    {
      AttributeId id = spec->attributes[a].attribute;

      if (reader->values[id] != NULL)
        reader->values[id] = reader->scratch->str + reader->value_offsets[id];
      else if (spec->attributes[a].required)
        {
          reader_problem_at (reader, KLYNGE_ERROR_MISSING_ATTRIBUTE, line,
                             "<%s> needs the attribute “%s”", element_names[element],
                             attribute_names[id]);
          if (reader_failed (reader))
            return FALSE;
        }
    }
  return TRUE;
}

/* Every attribute value must be text XML can carry; libxml2 has checked
 * UTF-8 already, so this is only about ids, enums and dates below. */

static gboolean
value_id (Reader      *reader,
          AttributeId  attribute,
          guint        line)
{
  const char *value = reader->values[attribute];

  if (value == NULL || klynge_id_is_valid (value))
    return TRUE;
  reader_problem_at (reader, KLYNGE_ERROR_BAD_ID, line,
                     "“%s” is not a valid id for “%s”: ids are XML names such as “m-1”",
                     value, attribute_names[attribute]);
  return FALSE;
}

static gboolean
value_enum (Reader      *reader,
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
  reader_problem_at (reader, KLYNGE_ERROR_BAD_ENUM, line,
                     "“%s” is not a valid %s", value, attribute_names[attribute]);
  return FALSE;
}

static gboolean
value_date (Reader      *reader,
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
  reader_problem_from_error (reader, line, error);
  return FALSE;
}

/* Resolves a reference to a record that the format puts earlier in the
 * document, so that the error points at the element that holds it. */
static gboolean
value_reference (Reader      *reader,
                 AttributeId  attribute,
                 GType        expected,
                 guint        line)
{
  const char *value = reader->values[attribute];
  KlyngeError code;

  if (value == NULL)
    return FALSE;
  if (!value_id (reader, attribute, line))
    return FALSE;
  if (_klynge_landscape_resolve (reader->landscape, value, expected, &code))
    return TRUE;
  reader_problem_at (reader, code, line,
                     code == KLYNGE_ERROR_UNRESOLVED_REFERENCE
                     ? "%s “%s” names no record"
                     : "%s “%s” names a record of the wrong kind",
                     attribute_names[attribute], value);
  return FALSE;
}

/* --- records ----------------------------------------------------------- */

static gboolean
claim_id (Reader *reader,
          guint   line)
{
  const char *id = reader->values[A_ID];

  if (id == NULL || !value_id (reader, A_ID, line))
    return FALSE;
  if (klynge_landscape_contains (reader->landscape, id))
    {
      reader_problem_at (reader, KLYNGE_ERROR_DUPLICATE_ID, line,
                         "the id “%s” is already used", id);
      return FALSE;
    }
  return TRUE;
}

static void
begin_record (Reader       *reader,
              KlyngeRecord *record,
              guint         line)
{
  _klynge_record_set_line (record, line);
  reader->record = record;
  _klynge_landscape_add_record_unchecked (reader->landscape, record);
}

static void
start_funding_source (Reader *reader,
                      guint   line)
{
  KlyngeFundingSource *source;
  int kind = 0;

  if (!claim_id (reader, line))
    return;
  value_enum (reader, A_KIND, KLYNGE_TYPE_FUNDING_SOURCE_KIND, &kind, line);
  source = g_object_new (KLYNGE_TYPE_FUNDING_SOURCE, "id", reader->values[A_ID], NULL);
  klynge_funding_source_set_kind (source, kind);
  begin_record (reader, KLYNGE_RECORD (source), line);
  g_object_unref (source);
}

/* A member whose values are all good, with the check of its id against
 * the ids already taken left for later (see flush_deferred()). Reports
 * nothing; FALSE sends the member down the general path. */
static gboolean
start_member_quiet (Reader *reader,
                    guint   line)
{
  const char *id = reader->values[A_ID];
  int kind = 0, size = KLYNGE_MEMBER_SIZE_UNKNOWN;

  if (id == NULL || !klynge_id_is_valid (id)
      || reader->values[A_KIND] == NULL
      || !_klynge_enum_from_nick (KLYNGE_TYPE_MEMBER_KIND, reader->values[A_KIND], &kind)
      || (reader->values[A_SIZE] != NULL
          && (!_klynge_enum_from_nick (KLYNGE_TYPE_MEMBER_SIZE, reader->values[A_SIZE], &size)
              || size == KLYNGE_MEMBER_SIZE_UNKNOWN))
      || (reader->values[A_CVR] != NULL && !klynge_cvr_is_valid (reader->values[A_CVR])))
    return FALSE;
  g_string_assign (reader->member_id, id);
  if (reader->values[A_CVR] != NULL)
    reader->member_cvr = (guint32) g_ascii_strtoull (reader->values[A_CVR], NULL, 10);
  reader->member_kind = kind;
  reader->member_size = size;
  reader->claim_pending = TRUE;
  reader->claim_line = line;
  _klynge_landscape_prefetch_member (reader->landscape, id, reader->value_lengths[A_ID]);
  return TRUE;
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

/* start_member_quiet() straight from libxml2's attribute array, without
 * read_attributes(): for a member whose attributes are all known, none
 * twice, none prefixed or over-long. A '&' (left as "&#38;" by libxml2)
 * makes the id, the nick or the CVR number fail here, and the general
 * path reports it as it decodes it. Reports nothing; FALSE sends the
 * member down the general path. */
static gboolean
start_member_fast (Reader         *reader,
                   int             nb_attributes,
                   const xmlChar **attributes,
                   guint           line)
{
  const char *values[4] = { NULL, NULL, NULL, NULL };   /* id, cvr, kind, size */
  gsize lengths[4] = { 0, 0, 0, 0 };
  char kind_nick[32], size_nick[32], cvr[16];
  int kind = 0, size = KLYNGE_MEMBER_SIZE_UNKNOWN;

  if ((guint) nb_attributes > reader->options.max_attributes || reader->claim_pending)
    return FALSE;
  for (int i = 0; i < nb_attributes; i++)
    {
      const xmlChar *localname = attributes[i * 5];
      gsize length = (gsize) (attributes[i * 5 + 4] - attributes[i * 5 + 3]);
      guint which;

      if (localname == reader->attribute_atoms[A_ID])
        which = 0;
      else if (localname == reader->attribute_atoms[A_CVR])
        which = 1;
      else if (localname == reader->attribute_atoms[A_KIND])
        which = 2;
      else if (localname == reader->attribute_atoms[A_SIZE])
        which = 3;
      else
        return FALSE;
      if (attributes[i * 5 + 1] != NULL || values[which] != NULL
          || length > reader->options.max_value_length)
        return FALSE;
      values[which] = (const char *) attributes[i * 5 + 3];
      lengths[which] = length;
    }
  if (values[0] == NULL || values[2] == NULL
      || !copy_short_value (kind_nick, sizeof kind_nick, values[2], lengths[2])
      || !_klynge_enum_from_nick (KLYNGE_TYPE_MEMBER_KIND, kind_nick, &kind)
      || (values[3] != NULL
          && (!copy_short_value (size_nick, sizeof size_nick, values[3], lengths[3])
              || !_klynge_enum_from_nick (KLYNGE_TYPE_MEMBER_SIZE, size_nick, &size)
              || size == KLYNGE_MEMBER_SIZE_UNKNOWN))
      || (values[1] != NULL
          && (!copy_short_value (cvr, sizeof cvr, values[1], lengths[1])
              || !klynge_cvr_is_valid (cvr))))
    return FALSE;
  g_string_truncate (reader->member_id, 0);
  g_string_append_len (reader->member_id, values[0], (gssize) lengths[0]);
  if (!klynge_id_is_valid (reader->member_id->str))
    {
      g_string_truncate (reader->member_id, 0);
      return FALSE;
    }
  reader->in_member = TRUE;
  g_string_truncate (reader->member_name, 0);
  reader->member_cvr = values[1] != NULL ? (guint32) g_ascii_strtoull (cvr, NULL, 10) : 0;
  reader->member_kind = kind;
  reader->member_size = size;
  reader->claim_pending = TRUE;
  reader->claim_line = line;
  _klynge_landscape_prefetch_member (reader->landscape, reader->member_id->str, reader->member_id->len);
  return TRUE;
}

/* The duplicate check that start_member_quiet() left for later. */
static void
resolve_claim (Reader *reader)
{
  if (!reader->claim_pending)
    return;
  reader->claim_pending = FALSE;
  if (klynge_landscape_contains (reader->landscape, reader->member_id->str))
    {
      reader_problem_at (reader, KLYNGE_ERROR_DUPLICATE_ID, reader->claim_line,
                         "the id “%s” is already used", reader->member_id->str);
      g_string_truncate (reader->member_id, 0);
    }
}

static void
start_member (Reader *reader,
              guint   line)
{
  int kind = 0, size = KLYNGE_MEMBER_SIZE_UNKNOWN;
  GError *error = NULL;

  reader->in_member = TRUE;
  g_string_truncate (reader->member_id, 0);
  g_string_truncate (reader->member_name, 0);
  reader->member_cvr = 0;
  if (start_member_quiet (reader, line))
    return;
  if (!claim_id (reader, line))
    return;
  g_string_assign (reader->member_id, reader->values[A_ID]);
  value_enum (reader, A_KIND, KLYNGE_TYPE_MEMBER_KIND, &kind, line);
  /* "unknown" is the enum's name for a missing attribute, not a value */
  if (reader->values[A_SIZE] != NULL
      && value_enum (reader, A_SIZE, KLYNGE_TYPE_MEMBER_SIZE, &size, line)
      && size == KLYNGE_MEMBER_SIZE_UNKNOWN)
    reader_problem_at (reader, KLYNGE_ERROR_BAD_ENUM, line, "“unknown” is not a valid size");
  if (reader->values[A_CVR] != NULL)
    {
      if (_klynge_check_cvr (reader->values[A_CVR], &error))
        reader->member_cvr = (guint32) g_ascii_strtoull (reader->values[A_CVR], NULL, 10);
      else
        reader_problem_from_error (reader, line, error);
    }
  reader->member_kind = kind;
  reader->member_size = size;
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
end_member (Reader *reader,
            guint   line)
{
  guint32 index;

  reader->in_member = FALSE;
  if (reader->member_id->len == 0)
    return;
  index = _klynge_landscape_add_member_slot (reader->landscape,
                                             reader->member_id->str, reader->member_id->len,
                                             reader->member_name->str, reader->member_name->len,
                                             reader->member_cvr, reader->member_kind,
                                             reader->member_size);
  if (reader->member_object != NULL)
    {
      _klynge_record_set_line (KLYNGE_RECORD (reader->member_object), line);
      _klynge_landscape_attach_member_object (reader->landscape, index, reader->member_object);
      g_clear_object (&reader->member_object);
    }
}

static void
start_organisation (Reader *reader,
                    guint   line)
{
  KlyngeOrganisation *organisation;
  KlyngeDate founded, dissolved;
  GError *error = NULL;
  int kind = 0;

  if (!claim_id (reader, line))
    return;
  value_enum (reader, A_KIND, KLYNGE_TYPE_ORGANISATION_KIND, &kind, line);
  organisation = g_object_new (KLYNGE_TYPE_ORGANISATION, "id", reader->values[A_ID], NULL);
  klynge_organisation_set_kind (organisation, kind);
  if (value_date (reader, A_FOUNDED, &founded, line) && klynge_date_is_set (&founded)
      && !klynge_organisation_set_founded (organisation, &founded, &error))
    reader_problem_from_error (reader, line, error);
  if (value_date (reader, A_DISSOLVED, &dissolved, line) && klynge_date_is_set (&dissolved)
      && !klynge_organisation_set_dissolved (organisation, &dissolved, (error = NULL, &error)))
    reader_problem_from_error (reader, line, error);
  if (reader->values[A_CVR] != NULL
      && !klynge_organisation_set_cvr (organisation, reader->values[A_CVR], (error = NULL, &error)))
    reader_problem_from_error (reader, line, error);
  begin_record (reader, KLYNGE_RECORD (organisation), line);
  reader->org_entry = _klynge_landscape_get_org_entry (reader->landscape, reader->values[A_ID]);
  g_object_unref (organisation);
}

static int
compare_pending (gconstpointer a,
                 gconstpointer b)
{
  const PendingMembership *x = a, *y = b;
  int cmp = _klynge_membership_slot_compare (&x->slot, &y->slot);

  if (cmp != 0)
    return cmp;
  return x->line < y->line ? -1 : x->line > y->line;
}

/* Memberships are sorted per organisation once it is complete, which is
 * also when duplicates show; on the worker (finish_organisation()). */
static void
end_organisation (Reader *reader)
{
  if (reader->org_entry == NULL)
    return;
  current_segment (reader)->end = TRUE;
  if (reader->batch->segments->len >= BATCH_SEGMENTS)
    post_batch (reader);
  reader->org_entry = NULL;
}

/* The checks of a membership's values, reporting what fails; on success
 * fills @pending. */
static gboolean
check_membership (Reader            *reader,
                  guint              line,
                  PendingMembership *pending)
{
  KlyngeDate since, until;
  guint32 member;

  if (reader->org_entry == NULL || !value_reference (reader, A_MEMBER, KLYNGE_TYPE_MEMBER, line))
    return FALSE;
  if (!value_date (reader, A_SINCE, &since, line) || !value_date (reader, A_UNTIL, &until, line))
    return FALSE;
  if (klynge_date_is_set (&since) && klynge_date_is_set (&until)
      && klynge_date_get_last_day (&until) < klynge_date_get_first_day (&since))
    {
      reader_problem_at (reader, KLYNGE_ERROR_BAD_PERIOD, line,
                         "membership of “%s” ends (%s) before it begins (%s)",
                         reader->values[A_MEMBER], reader->values[A_UNTIL], reader->values[A_SINCE]);
      return FALSE;
    }
  _klynge_landscape_find_member (reader->landscape, reader->values[A_MEMBER], &member);
  _klynge_membership_slot_init (&pending->slot, member, &since, &until);
  pending->line = line;
  return TRUE;
}

static void
start_membership (Reader *reader,
                  guint   line)
{
  PendingMembership pending;

  if (check_membership (reader, line, &pending))
    g_array_append_val (reader->pending_memberships, pending);
}

/* The common case of the bulkiest element, straight from libxml2's
 * attribute array: known attributes, none twice, none prefixed or
 * over-long, a member. Anything else returns FALSE and takes the general
 * path (read_attributes(), start_membership()), which reports exactly
 * what is wrong. The values go to the worker, which looks the member up,
 * parses the dates and checks the period; whatever fails there is
 * reported by check_membership() on the values as read_attributes()
 * would have decoded them (see sync_worker()). */
static gboolean
start_membership_fast (Reader         *reader,
                       int             nb_attributes,
                       const xmlChar **attributes,
                       guint           line)
{
  const char *values[3] = { NULL, NULL, NULL };
  gsize lengths[3] = { 0, 0, 0 };
  DeferredMembership deferred;

  if (reader->org_entry == NULL || (guint) nb_attributes > reader->options.max_attributes)
    return FALSE;
  for (int i = 0; i < nb_attributes; i++)
    {
      const xmlChar *localname = attributes[i * 5];
      const char *value = (const char *) attributes[i * 5 + 3];
      gsize length = (gsize) (attributes[i * 5 + 4] - attributes[i * 5 + 3]);
      guint which;

      if (localname == reader->attribute_atoms[A_MEMBER])
        which = 0;
      else if (localname == reader->attribute_atoms[A_SINCE])
        which = 1;
      else if (localname == reader->attribute_atoms[A_UNTIL])
        which = 2;
      else
        return FALSE;
      /* a '&' (left as "&#38;" by libxml2) cannot be in an id or a date:
       * the look-up or the date fails, and the failure is reported from
       * the value as the general path decodes it */
      if (attributes[i * 5 + 1] != NULL || values[which] != NULL
          || length > reader->options.max_value_length)
        return FALSE;
      values[which] = value;
      lengths[which] = length;
    }
  if (values[0] == NULL)
    return FALSE;
  current_segment (reader);
  for (guint v = 0; v < 3; v++)
    {
      deferred.offsets[v] = (guint32) reader->batch->text->len;
      deferred.lengths[v] = values[v] != NULL ? (guint32) lengths[v] : NO_VALUE;
      if (values[v] != NULL)
        g_string_append_len (reader->batch->text, values[v], (gssize) lengths[v]);
    }
  deferred.line = line;
  g_array_append_val (reader->batch->deferred, deferred);
  if (reader->batch->deferred->len >= BATCH_SIZE)
    post_batch (reader);
  return TRUE;
}

/* --- the membership worker ----------------------------------------------- */

static Batch *
take_batch (Reader *reader)
{
  Batch *batch;

  g_mutex_lock (&reader->lock);
  batch = g_queue_pop_head (&reader->spare);
  g_mutex_unlock (&reader->lock);
  if (batch == NULL)
    {
      batch = g_new0 (Batch, 1);
      batch->deferred = g_array_sized_new (FALSE, FALSE, sizeof (DeferredMembership), BATCH_SIZE);
      batch->text = g_string_sized_new (32 * BATCH_SIZE);
      batch->segments = g_array_sized_new (FALSE, FALSE, sizeof (Segment), BATCH_SEGMENTS);
    }
  g_array_set_size (batch->deferred, 0);
  g_string_truncate (batch->text, 0);
  g_array_set_size (batch->segments, 0);
  return batch;
}

/* The segment of the organisation being read, in the batch being
 * filled. */
static Segment *
current_segment (Reader *reader)
{
  Segment *last;

  if (reader->batch == NULL)
    reader->batch = take_batch (reader);
  last = reader->batch->segments->len > 0
    ? &g_array_index (reader->batch->segments, Segment, reader->batch->segments->len - 1) : NULL;
  if (last == NULL || last->end || last->entry != reader->org_entry)
    {
      Segment segment = { reader->org_entry, reader->record, reader->batch->deferred->len, FALSE };

      g_array_append_val (reader->batch->segments, segment);
      last = &g_array_index (reader->batch->segments, Segment, reader->batch->segments->len - 1);
    }
  return last;
}

static void
batch_free (gpointer data)
{
  Batch *batch = data;

  g_array_unref (batch->deferred);
  g_string_free (batch->text, TRUE);
  g_array_unref (batch->segments);
  g_free (batch);
}

static void
add_failure (Reader             *reader,
             FailureKind         kind,
             Batch              *batch,
             Segment            *segment,
             DeferredMembership *d,
             guint32             member,
             guint               line)
{
  Failure failure = { kind, segment->entry, segment->record, { NULL, NULL, NULL }, member, line };

  for (guint v = 0; d != NULL && v < 3; v++)
    if (d->lengths[v] != NO_VALUE)
      failure.values[v] = g_strndup (batch->text->str + d->offsets[v], d->lengths[v]);
  g_array_append_val (reader->failures, failure);
}

static void
failure_clear (Failure *failure)
{
  for (guint v = 0; v < 3; v++)
    g_free (failure->values[v]);
}

/* On the worker: what end_organisation() did on a single thread. */
static void
finish_organisation (Reader  *reader,
                     Batch   *batch,
                     Segment *segment)
{
  GArray *pending = reader->pending_memberships;
  gboolean sorted = TRUE;

  /* a saved landscape has them in order already */
  for (guint i = 1; i < pending->len && sorted; i++)
    sorted = compare_pending (&g_array_index (pending, PendingMembership, i - 1),
                              &g_array_index (pending, PendingMembership, i)) < 0;
  if (!sorted)
    g_array_sort (pending, compare_pending);
  for (guint i = 0; i < pending->len; i++)
    {
      PendingMembership *p = &g_array_index (pending, PendingMembership, i);

      if (i > 0 && _klynge_membership_slot_compare (&p->slot,
                                                    &g_array_index (pending, PendingMembership, i - 1).slot) == 0)
        {
          add_failure (reader, FAILURE_DUPLICATE, batch, segment, NULL, p->slot.member, p->line);
          continue;
        }
      _klynge_membership_store_append_uncounted (segment->entry, &p->slot);
      reader->worker_memberships++;
    }
  g_array_set_size (pending, 0);
}

/* On the worker (or, when it is idle, the parsing thread): looks the
 * members of a batch up, as start_membership() would have, and finishes
 * the organisations that end. */
static void
process_batch (Reader *reader,
               Batch  *batch)
{
  guint n = batch->deferred->len;
  guint s = 0;

  for (guint i = 0; i < n; i++)
    {
      DeferredMembership *d = &g_array_index (batch->deferred, DeferredMembership, i);

      reader->queries[i].id = batch->text->str + d->offsets[0];
      reader->queries[i].length = d->lengths[0];
    }
  _klynge_landscape_find_members (reader->landscape, reader->queries, n);
  for (guint i = 0; i <= n; i++)
    {
      DeferredMembership *d;
      KlyngeDate dates[2];
      gboolean ok;

      /* the organisations whose memberships end here */
      while (s < batch->segments->len
             && (s + 1 < batch->segments->len
                 ? g_array_index (batch->segments, Segment, s + 1).first <= i : i == n))
        {
          Segment *segment = &g_array_index (batch->segments, Segment, s);

          if (segment->end)
            finish_organisation (reader, batch, segment);
          s++;
        }
      if (i == n)
        break;
      d = &g_array_index (batch->deferred, DeferredMembership, i);
      ok = reader->queries[i].found;

      /* what check_membership() checks, without reporting */
      for (guint v = 1; v < 3; v++)
        {
          memset (&dates[v - 1], 0, sizeof dates[v - 1]);
          ok = ok && (d->lengths[v] == NO_VALUE
                      || klynge_date_parse_len (batch->text->str + d->offsets[v], d->lengths[v],
                                                &dates[v - 1], NULL));
        }
      ok = ok && !(d->lengths[1] != NO_VALUE && d->lengths[2] != NO_VALUE
                   && klynge_date_get_last_day (&dates[1]) < klynge_date_get_first_day (&dates[0]));
      if (ok)
        {
          PendingMembership pending;

          _klynge_membership_slot_init (&pending.slot, reader->queries[i].index, &dates[0], &dates[1]);
          pending.line = d->line;
          g_array_append_val (reader->pending_memberships, pending);
        }
      else
        add_failure (reader, FAILURE_MEMBERSHIP, batch,
                     &g_array_index (batch->segments, Segment, s), d, 0, d->line);
    }
}

static gpointer
membership_worker (gpointer data)
{
  Reader *reader = data;

  g_mutex_lock (&reader->lock);
  for (;;)
    {
      Batch *batch;

      while (g_queue_is_empty (&reader->queue) && !reader->quit)
        {
          reader->worker_waits = TRUE;
          g_cond_wait (&reader->cond, &reader->lock);
          reader->worker_waits = FALSE;
        }
      batch = g_queue_pop_head (&reader->queue);
      if (batch == NULL)
        break;
      g_mutex_unlock (&reader->lock);
      process_batch (reader, batch);
      g_mutex_lock (&reader->lock);
      g_queue_push_tail (&reader->spare, batch);
      reader->n_done++;
      /* a wake-up is a system call: only when the parse waits */
      if (reader->parser_waits)
        g_cond_broadcast (&reader->cond);
    }
  g_mutex_unlock (&reader->lock);
  return NULL;
}

/* Hands the batch being filled to the worker. */
static void
post_batch (Reader *reader)
{
  Batch *batch = reader->batch;

  if (batch == NULL)
    return;
  reader->batch = NULL;
  if (reader->bytes_total < THREADS_FROM)
    {
      /* a small document is done before a thread would have started */
      process_batch (reader, batch);
      g_mutex_lock (&reader->lock);
      g_queue_push_tail (&reader->spare, batch);
      g_mutex_unlock (&reader->lock);
      return;
    }
  if (reader->worker == NULL)
    reader->worker = g_thread_new ("klynge-load", membership_worker, reader);
  g_mutex_lock (&reader->lock);
  /* a worker kept from running must not make the queue grow and grow */
  while (reader->n_posted - reader->n_done >= MAX_QUEUED)
    {
      reader->parser_waits = TRUE;
      g_cond_wait (&reader->cond, &reader->lock);
      reader->parser_waits = FALSE;
    }
  g_queue_push_tail (&reader->queue, batch);
  reader->n_posted++;
  if (reader->worker_waits)
    g_cond_broadcast (&reader->cond);
  g_mutex_unlock (&reader->lock);
}

/* Waits until the worker has done everything posted, then reports what
 * it found, in document order, through the general path's own checks and
 * as the organisation's problems. Only from flush_deferred(). */
static void
sync_worker (Reader *reader)
{
  Batch *batch = reader->batch;
  gboolean idle = TRUE;

  if (reader->worker != NULL)
    {
      g_mutex_lock (&reader->lock);
      idle = reader->n_done == reader->n_posted;
      g_mutex_unlock (&reader->lock);
    }
  if (batch != NULL && idle)
    {
      /* the worker has nothing: do the rest here rather than wake it */
      reader->batch = NULL;
      process_batch (reader, batch);
      g_mutex_lock (&reader->lock);
      g_queue_push_tail (&reader->spare, batch);
      g_mutex_unlock (&reader->lock);
    }
  else if (batch != NULL)
    post_batch (reader);
  if (reader->worker != NULL)
    {
      g_mutex_lock (&reader->lock);
      while (reader->n_done != reader->n_posted)
        {
          reader->parser_waits = TRUE;
          g_cond_wait (&reader->cond, &reader->lock);
          reader->parser_waits = FALSE;
        }
      g_mutex_unlock (&reader->lock);
    }

  if (reader->worker_memberships > 0)
    {
      _klynge_membership_store_count_appended (&reader->landscape->store, reader->worker_memberships);
      reader->worker_memberships = 0;
    }
  for (guint i = 0; i < reader->failures->len; i++)
    {
      Failure *failure = &g_array_index (reader->failures, Failure, i);
      KlyngeRecord *record = reader->record;

      /* after a fatal error a single thread would have read no further */
      if (reader_failed (reader))
        break;
      reader->record = failure->record;
      if (failure->kind == FAILURE_MEMBERSHIP)
        {
          static const AttributeId ids[3] = { A_MEMBER, A_SINCE, A_UNTIL };
          const char *saved_values[3];
          gsize saved_lengths[3];
          GString *decoded[3] = { NULL, NULL, NULL };
          KlyngeOrgEntry *entry = reader->org_entry;
          PendingMembership pending;

          /* the values as read_attributes() gives them, and the checks
           * of the general path */
          for (guint v = 0; v < 3; v++)
            {
              saved_values[v] = reader->values[ids[v]];
              saved_lengths[v] = reader->value_lengths[ids[v]];
              reader->values[ids[v]] = NULL;
              if (failure->values[v] != NULL)
                {
                  decoded[v] = g_string_new (NULL);
                  append_attribute_value (decoded[v], failure->values[v], strlen (failure->values[v]));
                  reader->values[ids[v]] = decoded[v]->str;
                  reader->value_lengths[ids[v]] = decoded[v]->len;
                }
            }
          reader->org_entry = failure->entry;
          check_membership (reader, failure->line, &pending);
          reader->org_entry = entry;
          for (guint v = 0; v < 3; v++)
            {
              reader->values[ids[v]] = saved_values[v];
              reader->value_lengths[ids[v]] = saved_lengths[v];
              if (decoded[v] != NULL)
                g_string_free (decoded[v], TRUE);
            }
        }
      else
        reader_problem_at (reader, KLYNGE_ERROR_DUPLICATE_MEMBERSHIP, failure->line,
                           "member “%s” has a second membership of “%s” since the same date",
                           _klynge_landscape_member_id (reader->landscape, failure->member),
                           klynge_record_get_id (failure->record));
      reader->record = record;
    }
  for (guint i = 0; i < reader->failures->len; i++)
    failure_clear (&g_array_index (reader->failures, Failure, i));
  g_array_set_size (reader->failures, 0);
}

static void
stop_worker (Reader *reader)
{
  if (reader->worker != NULL)
    {
      g_mutex_lock (&reader->lock);
      reader->quit = TRUE;
      g_cond_broadcast (&reader->cond);
      g_mutex_unlock (&reader->lock);
      g_thread_join (reader->worker);
      reader->worker = NULL;
    }
  g_clear_pointer (&reader->batch, batch_free);
  g_queue_clear_full (&reader->queue, batch_free);
  g_queue_clear_full (&reader->spare, batch_free);
  for (guint i = 0; i < reader->failures->len; i++)
    failure_clear (&g_array_index (reader->failures, Failure, i));
  g_array_set_size (reader->failures, 0);
}

/* Before anything is reported, before a general-path <membership>, at
 * the end of every chunk and of the document: the pending duplicate check
 * of a member, and everything the worker has. */
static void
flush_deferred (Reader *reader)
{
  if (reader->flushing)
    return;
  reader->flushing = TRUE;
  resolve_claim (reader);
  sync_worker (reader);
  reader->flushing = FALSE;
}

static void
start_location (Reader *reader,
                guint   line)
{
  g_autoptr(KlyngeLocation) location = NULL;
  GError *error = NULL;

  if (!KLYNGE_IS_ORGANISATION (reader->record) || reader->values[A_CITY] == NULL)
    return;
  location = klynge_location_new (reader->values[A_CITY], reader->values[A_ADDRESS],
                                  reader->values[A_ROLE], &error);
  if (location == NULL)
    reader_problem_from_error (reader, line, error);
  else
    klynge_organisation_add_location (KLYNGE_ORGANISATION (reader->record), location);
}

static void
start_label (Reader *reader,
             guint   line)
{
  g_autoptr(KlyngeLabel) label = NULL;
  KlyngeDate awarded, valid_until;
  GError *error = NULL;
  int level = 0;

  if (!KLYNGE_IS_ORGANISATION (reader->record)
      || !value_enum (reader, A_LEVEL, KLYNGE_TYPE_LABEL_LEVEL, &level, line)
      || !value_date (reader, A_AWARDED, &awarded, line)
      || !value_date (reader, A_VALID_UNTIL, &valid_until, line)
      || !klynge_date_is_set (&awarded))
    return;
  label = klynge_label_new (level, &awarded, &valid_until, &error);
  if (label == NULL)
    reader_problem_from_error (reader, line, error);
  else
    klynge_organisation_add_label (KLYNGE_ORGANISATION (reader->record), label);
}

static void
start_contract (Reader *reader,
                guint   line)
{
  KlyngeContract *contract;
  KlyngeDate start, end;
  KlyngePeriod period;
  GError *error = NULL;
  gint64 amount = 0;
  guint decimals = 2;
  gboolean ok;

  if (!claim_id (reader, line))
    return;
  ok = value_reference (reader, A_HOLDER, KLYNGE_TYPE_ORGANISATION, line);
  ok = value_date (reader, A_START, &start, line) && ok;
  ok = value_date (reader, A_END, &end, line) && ok;
  if (ok && !klynge_period_init (&period, &start, &end, &error))
    {
      reader_problem_from_error (reader, line, error);
      ok = FALSE;
    }
  if (reader->values[A_AMOUNT] != NULL
      && !klynge_money_parse (reader->values[A_AMOUNT], &amount, &decimals, (error = NULL, &error)))
    {
      reader_problem_from_error (reader, line, error);
      ok = FALSE;
    }
  if (!ok || !value_id (reader, A_RENEWS, line))
    return;

  contract = klynge_contract_new (reader->values[A_ID], reader->values[A_HOLDER], &period, amount);
  _klynge_contract_set_amount_decimals (contract, decimals);
  if (reader->values[A_RENEWS] != NULL)
    klynge_contract_set_renews (contract, reader->values[A_RENEWS], NULL);
  begin_record (reader, KLYNGE_RECORD (contract), line);
  g_object_unref (contract);
}

static void
start_share (Reader *reader,
             guint   line)
{
  g_autoptr(KlyngeShare) share = NULL;
  GError *error = NULL;
  guint basis_points, decimals;

  if (!KLYNGE_IS_CONTRACT (reader->record)
      || !value_reference (reader, A_SOURCE, KLYNGE_TYPE_FUNDING_SOURCE, line)
      || reader->values[A_PERCENT] == NULL)
    return;
  if (!klynge_percent_parse (reader->values[A_PERCENT], &basis_points, &decimals, &error))
    {
      reader_problem_from_error (reader, line, error);
      return;
    }
  share = _klynge_share_new_full (reader->values[A_SOURCE], basis_points, decimals);
  if (!klynge_contract_add_share (KLYNGE_CONTRACT (reader->record), share, &error))
    reader_problem_from_error (reader, line, error);
}

static void
end_contract (Reader *reader,
              guint   line)
{
  GError *error = NULL;

  if (KLYNGE_IS_CONTRACT (reader->record)
      && klynge_contract_get_shares (KLYNGE_CONTRACT (reader->record))->len > 0
      && !klynge_contract_check_shares (KLYNGE_CONTRACT (reader->record), &error))
    reader_problem_from_error (reader, line, error);
}

static void
start_merger (Reader *reader,
              guint   line)
{
  KlyngeMerger *merger;
  KlyngeDate effective;
  int kind = 0, status = 0;
  gboolean ok;

  if (!claim_id (reader, line))
    return;
  ok = value_date (reader, A_EFFECTIVE, &effective, line);
  ok = value_reference (reader, A_SUCCESSOR, KLYNGE_TYPE_ORGANISATION, line) && ok;
  ok = value_enum (reader, A_KIND, KLYNGE_TYPE_MERGER_KIND, &kind, line) && ok;
  ok = value_enum (reader, A_STATUS, KLYNGE_TYPE_MERGER_STATUS, &status, line) && ok;
  if (!ok || !klynge_date_is_set (&effective))
    return;
  merger = klynge_merger_new (reader->values[A_ID], kind, reader->values[A_SUCCESSOR], &effective);
  klynge_merger_set_status (merger, status);
  begin_record (reader, KLYNGE_RECORD (merger), line);
  g_object_unref (merger);
}

static void
start_predecessor (Reader *reader,
                   guint   line)
{
  GError *error = NULL;

  if (!KLYNGE_IS_MERGER (reader->record)
      || !value_reference (reader, A_REF, KLYNGE_TYPE_ORGANISATION, line))
    return;
  if (!klynge_merger_add_predecessor (KLYNGE_MERGER (reader->record), reader->values[A_REF], &error))
    reader_problem_from_error (reader, line, error);
}

static void
end_merger (Reader *reader,
            guint   line)
{
  KlyngeMerger *merger;
  guint n, needed;

  if (!KLYNGE_IS_MERGER (reader->record))
    return;
  merger = KLYNGE_MERGER (reader->record);
  n = g_strv_length ((char **) klynge_merger_get_predecessors (merger));
  needed = klynge_merger_kind_min_predecessors (klynge_merger_get_kind (merger));
  if (n > 0 && n < needed)
    reader_problem_at (reader, KLYNGE_ERROR_TOO_FEW_PARTIES, line,
                       "merger “%s” has %u predecessor%s; a merger needs at least %u",
                       klynge_record_get_id (reader->record), n, n == 1 ? "" : "s", needed);
}

static void
start_initiative (Reader *reader,
                  guint   line)
{
  KlyngeInitiative *initiative;
  KlyngeDate start, end;
  GError *error = NULL;
  int kind = 0, theme = 0;
  gboolean ok;

  if (!claim_id (reader, line))
    return;
  ok = value_enum (reader, A_KIND, KLYNGE_TYPE_INITIATIVE_KIND, &kind, line);
  ok = value_enum (reader, A_THEME, KLYNGE_TYPE_INITIATIVE_THEME, &theme, line) && ok;
  ok = value_reference (reader, A_HOST, KLYNGE_TYPE_ORGANISATION, line) && ok;
  ok = value_date (reader, A_START, &start, line) && ok;
  ok = value_date (reader, A_END, &end, line) && ok;
  ok = value_id (reader, A_REPLACES, line) && ok;
  if (!ok)
    return;
  initiative = g_object_new (KLYNGE_TYPE_INITIATIVE, "id", reader->values[A_ID], NULL);
  klynge_initiative_set_kind (initiative, kind);
  klynge_initiative_set_theme (initiative, theme);
  klynge_initiative_set_host (initiative, reader->values[A_HOST], NULL);
  if (!klynge_initiative_set_dates (initiative, &start, &end, &error))
    reader_problem_from_error (reader, line, error);
  if (reader->values[A_REPLACES] != NULL)
    klynge_initiative_set_replaces (initiative, reader->values[A_REPLACES], NULL);
  begin_record (reader, KLYNGE_RECORD (initiative), line);
  g_object_unref (initiative);
}

static void
start_participant (Reader *reader,
                   guint   line)
{
  GError *error = NULL;

  if (!KLYNGE_IS_INITIATIVE (reader->record)
      || !value_reference (reader, A_REF, KLYNGE_TYPE_ORGANISATION, line))
    return;
  if (!klynge_initiative_add_participant (KLYNGE_INITIATIVE (reader->record), reader->values[A_REF], &error))
    reader_problem_from_error (reader, line, error);
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
      || !value_date (reader, A_ACCESSED, &accessed, line))
    return;
  if (!klynge_record_add_source_href (target, reader->values[A_HREF],
                                      klynge_date_is_set (&accessed) ? &accessed : NULL, &error))
    reader_problem_from_error (reader, line, error);
}

/* Applies the text of a finished text element to the record. */
static void
end_text (Reader    *reader,
          ElementId  element,
          guint      line)
{
  const char *text = reader->text->str;
  GError *error = NULL;
  gboolean ok = TRUE;
  KlyngeRecord *record = reader->record;

  if (reader->in_member && element == E_NAME)
    {
      if (reader->text->len == 0)
        reader_problem_at (reader, KLYNGE_ERROR_BAD_VALUE, line, "<name> must not be empty");
      /* stored without a setter, so checked here as the setter would:
       * libxml2 2.9.14 lets malformed UTF-8 through in CDATA sections */
      else if (!_klynge_check_text (text, "name", FALSE, &error))
        reader_problem_from_error (reader, line, error);
      else
        {
          /* the text becomes the name: swap the buffers, not the bytes */
          GString *name = reader->member_name;

          reader->member_name = reader->text;
          reader->text = name;
        }
      return;
    }
  if (element == E_NOTE)
    {
      record = provenance_target (reader);
      if (record != NULL)
        ok = klynge_record_set_note (record, text, &error);
      if (!ok)
        reader_problem_from_error (reader, line, error);
      return;
    }
  if (record == NULL)
    return;

  switch (element)
    {
    case E_NAME:
      if (KLYNGE_IS_ORGANISATION (record))
        ok = klynge_organisation_set_name (KLYNGE_ORGANISATION (record), text, &error);
      else if (KLYNGE_IS_FUNDING_SOURCE (record))
        ok = klynge_funding_source_set_name (KLYNGE_FUNDING_SOURCE (record), text, &error);
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
      ok = klynge_organisation_add_focus_area (KLYNGE_ORGANISATION (record), text, &error);
      break;
    case E_TITLE:
      ok = klynge_initiative_set_title (KLYNGE_INITIATIVE (record), text, &error);
      break;
    default:
      g_assert_not_reached ();
    }
  if (!ok)
    reader_problem_from_error (reader, line, error);
}

/* --- SAX callbacks ----------------------------------------------------- */

static Reader *
reader_from (void *ctx)
{
  return ((xmlParserCtxtPtr) ctx)->_private;
}

static void
on_start_document (void *ctx)
{
  Reader *reader = reader_from (ctx);
  xmlParserCtxtPtr parser = ctx;
  const xmlChar *declared = parser->input != NULL ? parser->input->encoding : NULL;

  if (declared == NULL)
    declared = parser->encoding;
  if (declared != NULL
      && g_ascii_strcasecmp ((const char *) declared, "UTF-8") != 0
      && g_ascii_strcasecmp ((const char *) declared, "UTF8") != 0)
    reader_fatal_at (reader, KLYNGE_ERROR_ENCODING, reader_line (reader), 0,
                     "the document is in “%s”; landscapes are UTF-8", (const char *) declared);
}

static void
on_internal_subset (void          *ctx,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  Reader *reader = reader_from (ctx);

  reader_fatal_at (reader, KLYNGE_ERROR_DOCTYPE_FORBIDDEN, reader_line (reader), 0,
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

  reader_fatal_at (reader, KLYNGE_ERROR_ENTITY_FORBIDDEN, reader_line (reader), 0,
                   "the document declares the entity “%s”", (const char *) name);
}

static void
on_reference (void          *ctx,
              const xmlChar *name)
{
  Reader *reader = reader_from (ctx);

  reader_fatal_at (reader, KLYNGE_ERROR_ENTITY_FORBIDDEN, reader_line (reader), 0,
                   "the document refers to the entity “%s”", (const char *) name);
}

static void
on_processing_instruction (void          *ctx,
                           const xmlChar *target,
                           const xmlChar *data)
{
  Reader *reader = reader_from (ctx);

  reader_fatal_at (reader, KLYNGE_ERROR_UNKNOWN_ELEMENT, reader_line (reader), 0,
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
      reader_fatal_at (reader, KLYNGE_ERROR_UNKNOWN_ELEMENT, line, 0,
                       "<%s> cannot contain <%s>", element_names[parent->element],
                       element_names[element]);
      return FALSE;
    }
  if (i < parent->child_position
      || (i == parent->child_position && spec->children[i].max != MANY
          && parent->child_count >= spec->children[i].max))
    {
      reader_fatal_at (reader, KLYNGE_ERROR_UNKNOWN_ELEMENT, line, 0,
                       i < parent->child_position
                       ? "<%s> is out of order in <%s>"
                       : "<%s> appears too often in <%s>",
                       element_names[element], element_names[parent->element]);
      return FALSE;
    }
  for (guint j = parent->child_position; j < i; j++)
    {
      guint seen = j == parent->child_position ? parent->child_count : 0;

      if (seen < spec->children[j].min)
        {
          reader_fatal_at (reader, KLYNGE_ERROR_MISSING_ELEMENT, parent->line, 0,
                           "<%s> needs <%s> before <%s>", element_names[parent->element],
                           element_names[spec->children[j].element], element_names[element]);
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
          reader_fatal_at (reader, KLYNGE_ERROR_MISSING_ELEMENT, frame->line, 0,
                           "<%s> needs <%s>", element_names[frame->element],
                           element_names[spec->children[j].element]);
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
      reader_fatal_at (reader, KLYNGE_ERROR_NOT_A_LANDSCAPE, line, 0,
                       "the root element is <%s>%s%s%s; a landscape is <landscape> in the namespace “"
                       KLYNGE_XML_NAMESPACE "”",
                       (const char *) localname,
                       uri ? " in the namespace “" : " in no namespace",
                       uri ? (const char *) uri : "", uri ? "”" : "");
      return;
    }
  if (reader->values[A_VERSION] != NULL && strcmp (reader->values[A_VERSION], "1") != 0)
    reader_fatal_at (reader, KLYNGE_ERROR_UNSUPPORTED_VERSION, line, 0,
                     "this is version “%s” of the format; klynge reads version 1",
                     reader->values[A_VERSION]);
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
  guint line = reader_line (reader);
  ElementId element;
  Frame *frame;

  if (reader_failed (reader))
    return;

  reader->depth++;
  if (reader->depth > reader->options.max_depth)
    {
      reader_fatal_at (reader, KLYNGE_ERROR_LIMIT_EXCEEDED, line, 0,
                       "elements are nested more than %u deep", reader->options.max_depth);
      return;
    }

  element = element_id_of (reader, localname);
  if (!reader->root_seen)
    {
      reader->root_seen = TRUE;
      if (element == E_LANDSCAPE)
        read_attributes (reader, E_LANDSCAPE, nb_attributes, attributes);
      if (reader_failed (reader))
        return;
      start_root (reader, localname, uri, line);
      frame = &reader->stack[0];
      frame->element = E_LANDSCAPE;
      frame->child_position = 0;
      frame->child_count = 0;
      frame->line = line;
      return;
    }

  frame = &reader->stack[reader->depth - 2];
  if (element_specs[frame->element].text)
    {
      reader_fatal_at (reader, KLYNGE_ERROR_BAD_VALUE, line, 0,
                       "<%s> holds text only, not <%s>", element_names[frame->element],
                       (const char *) localname);
      return;
    }
  if (element == N_ELEMENTS || uri == NULL || uri != reader->namespace_atom)
    {
      if (element != N_ELEMENTS && uri != NULL && strcmp ((const char *) uri, KLYNGE_XML_NAMESPACE) == 0)
        reader->namespace_atom = uri;
      else
        {
          reader_fatal_at (reader, KLYNGE_ERROR_UNKNOWN_ELEMENT, line, 0,
                           "<%s%s%s>%s%s%s is not part of the format",
                           prefix ? (const char *) prefix : "", prefix ? ":" : "",
                           (const char *) localname,
                           uri ? " in the namespace “" : "", uri ? (const char *) uri : "",
                           uri ? "”" : "");
          return;
        }
    }
  if (!accept_child (reader, frame, element, line))
    return;
  if ((element == E_MEMBERSHIP && start_membership_fast (reader, nb_attributes, attributes, line))
      || (element == E_MEMBER && start_member_fast (reader, nb_attributes, attributes, line)))
    {
      frame = &reader->stack[reader->depth - 1];
      frame->element = element;
      frame->child_position = 0;
      frame->child_count = 0;
      frame->line = line;
      return;
    }
  /* a member's <name> leaves its pending duplicate check pending */
  if (!(element == E_NAME && reader->in_member))
    resolve_claim (reader);
  /* the general path of a membership files it in the worker's array */
  if (element == E_MEMBERSHIP)
    flush_deferred (reader);
  /* a failure stopped the parser, which freed the buffer the attribute
   * values point into */
  if (reader_failed (reader) || !read_attributes (reader, element, nb_attributes, attributes))
    return;

  frame = &reader->stack[reader->depth - 1];
  frame->element = element;
  frame->child_position = 0;
  frame->child_count = 0;
  frame->line = line;

  if (element_specs[element].text)
    {
      g_string_truncate (reader->text, 0);
      reader->collecting_text = TRUE;
      return;
    }

  switch (element)
    {
    case E_FUNDING_SOURCE: start_funding_source (reader, line); break;
    case E_MEMBER: start_member (reader, line); break;
    case E_ORGANISATION: start_organisation (reader, line); break;
    case E_LOCATION: start_location (reader, line); break;
    case E_LABEL: start_label (reader, line); break;
    case E_MEMBERSHIP: start_membership (reader, line); break;
    case E_CONTRACT: start_contract (reader, line); break;
    case E_SHARE: start_share (reader, line); break;
    case E_MERGER: start_merger (reader, line); break;
    case E_PREDECESSOR: start_predecessor (reader, line); break;
    case E_INITIATIVE: start_initiative (reader, line); break;
    case E_PARTICIPANT: start_participant (reader, line); break;
    case E_SOURCE: start_source (reader, line); break;
    default: break;
    }
}

static void
on_end_element (void          *ctx,
                const xmlChar *localname,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  Reader *reader = reader_from (ctx);
  Frame *frame;

  if (reader_failed (reader))
    return;
  frame = &reader->stack[reader->depth - 1];
  reader->depth--;

  if (element_specs[frame->element].text)
    {
      reader->collecting_text = FALSE;
      end_text (reader, frame->element, frame->line);
      return;
    }
  check_children_complete (reader, frame);
  if (reader_failed (reader))
    return;

  switch (frame->element)
    {
    case E_MEMBER: resolve_claim (reader); end_member (reader, frame->line); break;
    case E_ORGANISATION: end_organisation (reader); break;
    case E_CONTRACT: end_contract (reader, frame->line); break;
    case E_MERGER: end_merger (reader, frame->line); break;
    default: break;
    }
  switch (frame->element)
    {
    case E_FUNDING_SOURCE:
    case E_ORGANISATION:
    case E_CONTRACT:
    case E_MERGER:
    case E_INITIATIVE:
      reader->record = NULL;
      break;
    default:
      break;
    }
}

static void
on_characters (void          *ctx,
               const xmlChar *chars,
               int            length)
{
  Reader *reader = reader_from (ctx);

  if (reader_failed (reader))
    return;
  if (reader->collecting_text)
    {
      if (reader->text->len + (gsize) length > reader->options.max_value_length)
        {
          reader_fatal_at (reader, KLYNGE_ERROR_LIMIT_EXCEEDED, reader_line (reader), 0,
                           "a text is longer than %u bytes", reader->options.max_value_length);
          return;
        }
      g_string_append_len (reader->text, (const char *) chars, length);
      return;
    }
  for (int i = 0; i < length; i++)
    if (!g_ascii_isspace (chars[i]))
      {
        reader_fatal_at (reader, KLYNGE_ERROR_UNEXPECTED_TEXT, reader_line (reader), 0,
                         "text is not allowed here, only elements");
        return;
      }
}

/* --- set-up ------------------------------------------------------------ */

/* libxml2's external entity loader is process-wide; ours refuses every
 * load made while a klynge parse runs on this thread and leaves the rest
 * of the process alone. No load should ever get here: a DOCTYPE stops the
 * parse first. */
static xmlExternalEntityLoader previous_loader;
static GPrivate in_klynge_parse;

static xmlParserInputPtr
deny_external_entities (const char       *url,
                        const char       *id,
                        xmlParserCtxtPtr  context)
{
  if (g_private_get (&in_klynge_parse) != NULL)
    return NULL;
  return previous_loader (url, id, context);
}

static void
install_entity_loader (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      xmlInitParser ();
      previous_loader = xmlGetExternalEntityLoader ();
      xmlSetExternalEntityLoader (deny_external_entities);
      g_once_init_leave (&done, 1);
    }
}

static Reader *
reader_new (const char              *name,
            const KlyngeLoadOptions *options,
            gboolean                 collect)
{
  xmlSAXHandler sax;
  Reader *reader;

  install_entity_loader ();

  memset (&sax, 0, sizeof sax);
  sax.initialized = XML_SAX2_MAGIC;
  sax.startDocument = on_start_document;
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
  reader->pending_memberships = g_array_new (FALSE, FALSE, sizeof (PendingMembership));
  reader->queries = g_new (KlyngeMemberQuery, BATCH_SIZE);
  reader->failures = g_array_new (FALSE, FALSE, sizeof (Failure));
  reader->sync_every_chunk = TRUE;
  g_mutex_init (&reader->lock);
  g_cond_init (&reader->cond);

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
    reader->element_atoms[e] = xmlDictLookup (reader->parser->dict, BAD_CAST element_names[e], -1);
  for (guint a = 0; a < N_ATTRIBUTES; a++)
    reader->attribute_atoms[a] = xmlDictLookup (reader->parser->dict, BAD_CAST attribute_names[a], -1);
  reader->namespace_atom = xmlDictLookup (reader->parser->dict, BAD_CAST KLYNGE_XML_NAMESPACE, -1);
  return reader;
}

static void
reader_free (Reader *reader)
{
  stop_worker (reader);
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
  g_string_free (reader->member_id, TRUE);
  g_string_free (reader->member_name, TRUE);
  g_array_unref (reader->pending_memberships);
  g_free (reader->queries);
  g_array_unref (reader->failures);
  g_mutex_clear (&reader->lock);
  g_cond_clear (&reader->cond);
  g_free (reader->file);
  g_free (reader);
}

/* Refuses what libxml2 would otherwise decode or sniff: UTF-16 and UTF-32
 * byte-order marks or zero bytes, EBCDIC. */
/* Refuses an XML declaration that names an encoding other than UTF-8
 * before libxml2 reads it: libxml2 hands a name it does not know itself
 * to iconv_open(), which loads a converter module of the C library (and
 * opens /etc/ld.so.cache) only for on_start_document() to refuse the
 * document afterwards. Looks at the first chunk only; a declaration split
 * across chunks is still refused by on_start_document(). */
static gboolean
check_declared_encoding (Reader     *reader,
                         const char *data,
                         gsize       length)
{
  const char *end, *p;
  g_autofree char *name = NULL;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;  /* a UTF-8 byte-order mark */
      length -= 3;
    }
  if (length < 6 || memcmp (data, "<?xml", 5) != 0 || !g_ascii_isspace (data[5]))
    return TRUE;
  end = data + MIN (length, 4096);
  /* the pseudo-attributes one by one, as libxml2 reads them, up to "?>"
   * (which may also stand inside a quoted value) */
  for (p = data + 5; p < end;)
    {
      const char *key, *value, *close;
      gsize key_length;

      while (p < end && g_ascii_isspace (*p))
        p++;
      if (p + 1 < end && p[0] == '?' && p[1] == '>')
        return TRUE;
      for (key = p; p < end && g_ascii_isalpha (*p); p++)
        ;
      key_length = (gsize) (p - key);
      while (p < end && g_ascii_isspace (*p))
        p++;
      if (key_length == 0 || p == end || *p++ != '=')
        return TRUE;
      while (p < end && g_ascii_isspace (*p))
        p++;
      if (p == end || (*p != '"' && *p != '\'') || (close = memchr (p + 1, *p, (gsize) (end - p - 1))) == NULL)
        return TRUE;
      value = p + 1;
      p = close + 1;
      if (key_length != 8 || memcmp (key, "encoding", 8) != 0)
        continue;
      if ((close - value == 5 && g_ascii_strncasecmp (value, "UTF-8", 5) == 0)
          || (close - value == 4 && g_ascii_strncasecmp (value, "UTF8", 4) == 0))
        return TRUE;
      name = g_utf8_make_valid (value, close - value);
      reader_fatal_at (reader, KLYNGE_ERROR_ENCODING, 1, 0,
                       "the document is in “%s”; landscapes are UTF-8", name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_first_bytes (Reader       *reader,
                   const guchar *data,
                   gsize         length)
{
  if (length >= 2 && ((data[0] == 0xFE && data[1] == 0xFF) || (data[0] == 0xFF && data[1] == 0xFE)))
    goto bad;
  if (length >= 1 && (data[0] == 0x00 || data[0] == 0x4C))
    goto bad;
  /* '<' and a zero byte: UTF-16LE or UTF-32LE without a mark, which
   * libxml2 would detect and decode (UTF-32 through iconv) */
  if (length >= 2 && data[0] == 0x3C && data[1] == 0x00)
    goto bad;
  return check_declared_encoding (reader, (const char *) data, length);

bad:
  reader_fatal_at (reader, KLYNGE_ERROR_ENCODING, 1, 1,
                   "the document is not UTF-8 (it starts with a UTF-16, UTF-32 or EBCDIC mark)");
  return FALSE;
}

/* libxml2 checks attributes for duplicates in quadratic time once a whole
 * start tag has arrived, so an element with a million attributes would
 * hang the parse before any callback could refuse it. This lexical pass
 * counts attributes ('=' outside quotes in a start tag) as bytes arrive
 * and stops the load first. Comments, CDATA, processing instructions and
 * declarations are skipped; libxml2 still judges the syntax. */
enum {
  SCAN_TEXT, SCAN_LT, SCAN_TAG, SCAN_BANG, SCAN_BANG_DASH, SCAN_COMMENT,
  SCAN_CDATA, SCAN_PI, SCAN_DECL
};

/* Non-zero when a byte of @w is @c (the "has zero byte" trick on w ^ c):
 * exact, as the borrow cannot make a byte that differs from @c look like
 * it when the test is only used to stop a fast loop. */
static inline guint64
has_byte (guint64 w,
          guchar  c)
{
  guint64 x = w ^ (G_GUINT64_CONSTANT (0x0101010101010101) * c);

  return (x - G_GUINT64_CONSTANT (0x0101010101010101)) & ~x & G_GUINT64_CONSTANT (0x8080808080808080);
}

/* the bytes that matter in a start tag outside quotes */
static const guchar tag_marks[256] = {
  ['"'] = 1, ['\''] = 1, ['='] = 1, ['>'] = 1,
};

static gboolean
scan_attributes (Reader     *reader,
                 const char *data,
                 gsize       length)
{
  const char *p = data, *end = data + length;
  /* the state in locals, so that it stays in registers; stored back
   * whenever the scan returns */
  int state = reader->scan_state;
  guint marks = reader->scan_marks;
  char quote = reader->scan_quote;
  guint attrs = reader->scan_attributes;
  guint max_attributes = reader->options.max_attributes;
#define SCAN_RETURN(result) \
  G_STMT_START { \
    reader->scan_state = state; \
    reader->scan_marks = marks; \
    reader->scan_quote = quote; \
    reader->scan_attributes = attrs; \
    return (result); \
  } G_STMT_END

  while (p < end)
    {
      char c;

      if (state == SCAN_TEXT)
        {
          p = memchr (p, '<', (gsize) (end - p));
          if (p == NULL)
            SCAN_RETURN (TRUE);
          p++;
          state = SCAN_LT;
          continue;
        }
      /* inside a start tag, whole runs at a time: what SCAN_TAG below
       * does byte by byte, in the same order */
      if (state == SCAN_TAG && quote != 0)
        {
          const char *q = memchr (p, quote, (gsize) (end - p));

          if (q == NULL)
            SCAN_RETURN (TRUE);
          p = q + 1;
          quote = 0;
          continue;
        }
      if (state == SCAN_TAG)
        {
          /* eight bytes at a time while none of them matters */
          while (end - p >= 8)
            {
              guint64 w;

              memcpy (&w, p, 8);
              if (has_byte (w, '"') | has_byte (w, '\'') | has_byte (w, '=') | has_byte (w, '>'))
                break;
              p += 8;
            }
          while (p < end && !tag_marks[(guchar) *p])
            p++;
          if (p == end)
            SCAN_RETURN (TRUE);
        }
      c = *p++;
      switch (state)
        {
        case SCAN_LT:
          marks = 0;
          quote = 0;
          attrs = 0;
          state = c == '!' ? SCAN_BANG : c == '?' ? SCAN_PI : c == '/' ? SCAN_DECL : SCAN_TAG;
          break;
        case SCAN_TAG:
          if (quote != 0)
            {
              if (c == quote)
                quote = 0;
            }
          else if (c == '"' || c == '\'')
            quote = c;
          else if (c == '>')
            state = SCAN_TEXT;
          /* the caller reports it (the scan may run on the read-ahead
           * thread, see load_from_file()) */
          else if (c == '=' && ++attrs > max_attributes)
            SCAN_RETURN (FALSE);
          break;
        case SCAN_BANG:
          state = c == '-' ? SCAN_BANG_DASH : c == '[' ? SCAN_CDATA : SCAN_DECL;
          break;
        case SCAN_BANG_DASH:
          state = c == '-' ? SCAN_COMMENT : SCAN_DECL;
          break;
        case SCAN_COMMENT:
          if (c == '>' && marks >= 2)
            state = SCAN_TEXT;
          marks = c == '-' ? marks + 1 : 0;
          break;
        case SCAN_CDATA:
          if (c == '>' && marks >= 2)
            state = SCAN_TEXT;
          marks = c == ']' ? marks + 1 : 0;
          break;
        case SCAN_PI:
          if (c == '>' && marks > 0)
            state = SCAN_TEXT;
          marks = c == '?';
          break;
        case SCAN_DECL:
          if (c == '>')
            state = SCAN_TEXT;
          break;
        default:
          g_assert_not_reached ();
        }
    }
  SCAN_RETURN (TRUE);
#undef SCAN_RETURN
}

typedef enum {
  SCAN_NOT_DONE,
  SCAN_PASSED,
  SCAN_FAILED,
} ScanResult;

/* Parses the next @length bytes; @scanned says whether scan_attributes()
 * has been run over them already, and with what result. */
static gboolean
reader_feed_scanned (Reader     *reader,
                     const char *data,
                     gsize       length,
                     gboolean    last,
                     ScanResult  scanned)
{
  if (reader_failed (reader))
    return FALSE;
  if (reader->bytes_read == 0 && length > 0 && !check_first_bytes (reader, (const guchar *) data, length))
    return FALSE;
  if (reader->bytes_read + length > reader->options.max_input_size)
    {
      reader_fatal_at (reader, KLYNGE_ERROR_LIMIT_EXCEEDED, 0, 0,
                       "the document is larger than the %" G_GUINT64_FORMAT " bytes allowed",
                       reader->options.max_input_size);
      return FALSE;
    }
  reader->bytes_read += length;
  if (scanned == SCAN_FAILED
      || (scanned == SCAN_NOT_DONE && !scan_attributes (reader, data, length)))
    {
      reader_fatal_at (reader, KLYNGE_ERROR_LIMIT_EXCEEDED, 0, 0,
                       "an element has more than %u attributes",
                       reader->options.max_attributes);
      return FALSE;
    }

  g_private_set (&in_klynge_parse, GINT_TO_POINTER (1));
  /* xmlParseChunk takes an int length; feed large buffers in parts */
  while (length > 0 || last)
    {
      int part = (int) MIN (length, (gsize) (1 << 24));
      gboolean final = last && (gsize) part == length;

      xmlParseChunk (reader->parser, data, part, final);
      data += part;
      length -= (gsize) part;
      if (reader_failed (reader) || final)
        break;
    }
  g_private_set (&in_klynge_parse, NULL);

  /* what the worker found in this chunk, before the chunk counts as read */
  if (reader->sync_every_chunk)
    flush_deferred (reader);
  if (!reader_failed (reader) && (reader->parser->wellFormed == 0 || reader->parser->nsWellFormed == 0))
    reader_fatal_at (reader, KLYNGE_ERROR_XML_SYNTAX, reader_line (reader), reader_column (reader),
                     "the document is not well-formed XML");
  if (reader->progress != NULL)
    reader->progress (reader->bytes_read, reader->bytes_total, reader->progress_data);
  return !reader_failed (reader);
}

static gboolean
reader_feed (Reader     *reader,
             const char *data,
             gsize       length,
             gboolean    last)
{
  return reader_feed_scanned (reader, data, length, last, SCAN_NOT_DONE);
}

/* After the last byte: forward references, then hand the landscape over. */
static KlyngeLandscape *
reader_finish (Reader  *reader,
               GError **error)
{
  flush_deferred (reader);
  if (!reader_failed (reader) && !reader->root_seen)
    reader_fatal_at (reader, KLYNGE_ERROR_XML_SYNTAX, 1, 0, "the document is empty");

  if (!reader_failed (reader))
    {
      g_autoptr(GPtrArray) problems =
        g_ptr_array_new_with_free_func ((GDestroyNotify) klynge_problem_unref);

      _klynge_landscape_check_references (reader->landscape, reader->file, problems);
      for (guint i = 0; i < problems->len; i++)
        {
          KlyngeProblem *problem = g_ptr_array_index (problems, i);
          reader_problem_at (reader, klynge_problem_get_code (problem),
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

/* --- entry points ------------------------------------------------------ */

#define CHUNK_SIZE (256 * 1024)

static KlyngeLandscape *
load_from_stream (Reader        *reader,
                  GInputStream  *stream,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autofree char *buffer = g_malloc (CHUNK_SIZE);

  for (;;)
    {
      g_autoptr(GError) local = NULL;
      gssize n = g_input_stream_read (stream, buffer, CHUNK_SIZE, cancellable, &local);

      if (n < 0)
        {
          if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_propagate_error (error, g_steal_pointer (&local));
              return NULL;
            }
          reader_fatal_at (reader, KLYNGE_ERROR_IO, 0, 0, "cannot read: %s", local->message);
          break;
        }
      if (!reader_feed (reader, buffer, (gsize) n, n == 0) || n == 0)
        break;
    }
  return reader_finish (reader, error);
}

/* A file is read, and scanned for attribute counts, on a thread of its
 * own, a few chunks ahead of the parse: the parse sees the same chunks in
 * the same order, with the same checks at the same points, as
 * load_from_stream() gives it. Only for streams the loader opened itself,
 * since it reads ahead of what has been parsed. */

#define READ_AHEAD 8

typedef struct {
  char *data;
  gssize length;         /* -1: an error */
  GError *error;
  ScanResult scanned;
} Chunk;

typedef struct {
  Reader *reader;
  GInputStream *stream;
  GCancellable *cancellable;
  GAsyncQueue *empty;    /* Chunk, for the read-ahead thread to fill */
  GAsyncQueue *full;     /* Chunk, for the parse, in order */
  gint stop;             /* atomic: the parse is over */
} ReadAhead;

static gpointer
read_ahead_thread (gpointer data)
{
  ReadAhead *ahead = data;
  gboolean scan_ok = TRUE;

  for (;;)
    {
      Chunk *chunk = g_async_queue_pop (ahead->empty);

      if (g_atomic_int_get (&ahead->stop))
        {
          g_async_queue_push (ahead->full, chunk);
          break;
        }
      chunk->error = NULL;
      chunk->length = g_input_stream_read (ahead->stream, chunk->data, CHUNK_SIZE,
                                           ahead->cancellable, &chunk->error);
      /* once a scan fails, the parse stops at that chunk */
      if (chunk->length >= 0)
        {
          scan_ok = scan_ok && scan_attributes (ahead->reader, chunk->data, (gsize) chunk->length);
          chunk->scanned = scan_ok ? SCAN_PASSED : SCAN_FAILED;
        }
      g_async_queue_push (ahead->full, chunk);
      if (chunk->length <= 0 || !scan_ok)
        break;
    }
  return NULL;
}

static KlyngeLandscape *
load_from_file (Reader        *reader,
                GInputStream  *stream,
                GCancellable  *cancellable,
                GError       **error)
{
  ReadAhead ahead = { reader, stream, cancellable, NULL, NULL, 0 };
  Chunk chunks[READ_AHEAD];
  Chunk wake = { NULL, 0, NULL, SCAN_NOT_DONE };
  GThread *thread;
  gboolean cancelled = FALSE;

  ahead.empty = g_async_queue_new ();
  ahead.full = g_async_queue_new ();
  reader->sync_every_chunk = reader->progress != NULL;
  for (guint i = 0; i < READ_AHEAD; i++)
    {
      chunks[i].data = g_malloc (CHUNK_SIZE);
      chunks[i].error = NULL;
      g_async_queue_push (ahead.empty, &chunks[i]);
    }
  thread = g_thread_new ("klynge-read", read_ahead_thread, &ahead);

  for (;;)
    {
      Chunk *chunk = g_async_queue_pop (ahead.full);
      gboolean go_on;

      /* an error the worker has found comes first */
      if (chunk->length < 0)
        flush_deferred (reader);
      if (chunk->length < 0 && reader_failed (reader))
        {
          g_clear_error (&chunk->error);
          g_async_queue_push (ahead.empty, chunk);
          break;
        }
      if (chunk->length < 0)
        {
          if (g_error_matches (chunk->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_propagate_error (error, g_steal_pointer (&chunk->error));
              cancelled = TRUE;
            }
          else
            reader_fatal_at (reader, KLYNGE_ERROR_IO, 0, 0, "cannot read: %s", chunk->error->message);
          g_clear_error (&chunk->error);
          g_async_queue_push (ahead.empty, chunk);
          break;
        }
      go_on = reader_feed_scanned (reader, chunk->data, (gsize) chunk->length, chunk->length == 0,
                                   chunk->scanned) && chunk->length > 0;
      g_async_queue_push (ahead.empty, chunk);
      if (!go_on)
        break;
    }

  /* the read-ahead thread stops at the end, at an error, at a failed
   * scan, or when it next takes a chunk (@wake, if it waits for one) */
  g_atomic_int_set (&ahead.stop, 1);
  g_async_queue_push (ahead.empty, &wake);
  g_thread_join (thread);
  for (Chunk *left; (left = g_async_queue_try_pop (ahead.full)) != NULL; )
    if (left != &wake)
      g_clear_error (&left->error);
  g_async_queue_unref (ahead.empty);
  g_async_queue_unref (ahead.full);
  for (guint i = 0; i < READ_AHEAD; i++)
    g_free (chunks[i].data);
  if (cancelled)
    return NULL;
  return reader_finish (reader, error);
}

/**
 * klynge_landscape_load_stream:
 * @stream: a stream positioned at the start of a landscape document
 * @name: (nullable): a name for the input in messages, such as its file
 * @options: (nullable): caps, or %NULL for the defaults
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads a landscape from @stream without building a document tree. The
 * load is all or nothing: on any problem it returns %NULL and a
 * %KLYNGE_ERROR whose message starts with `name:line:column: `.
 * Cancelling gives %G_IO_ERROR_CANCELLED.
 *
 * Returns: (transfer full) (nullable): a new landscape, or %NULL
 */
KlyngeLandscape *
klynge_landscape_load_stream (GInputStream       *stream,
                              const char         *name,
                              KlyngeLoadOptions  *options,
                              GCancellable       *cancellable,
                              GError            **error)
{
  Reader *reader;
  KlyngeLandscape *landscape;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  reader = reader_new (name ? name : "<stream>", options, FALSE);
  landscape = load_from_stream (reader, stream, cancellable, error);
  reader_free (reader);
  return landscape;
}

static KlyngeLandscape *
load_bytes (GBytes             *bytes,
            const char         *name,
            KlyngeLoadOptions  *options,
            KlyngeProblem     **problem,
            GError            **error)
{
  Reader *reader;
  KlyngeLandscape *landscape;
  gsize length;
  const char *data;

  data = g_bytes_get_data (bytes, &length);
  reader = reader_new (name ? name : "<bytes>", options, FALSE);
  reader->bytes_total = length;
  reader_feed (reader, data, length, TRUE);
  landscape = reader_finish (reader, error);
  if (problem != NULL)
    *problem = g_steal_pointer (&reader->fatal);
  reader_free (reader);
  return landscape;
}

/**
 * klynge_landscape_load_bytes:
 * @bytes: a landscape document
 * @name: (nullable): a name for the input in messages
 * @options: (nullable): caps, or %NULL for the defaults
 * @error: return location for a #GError
 *
 * Reads a landscape from memory; see klynge_landscape_load_stream().
 *
 * Returns: (transfer full) (nullable): a new landscape, or %NULL
 */
KlyngeLandscape *
klynge_landscape_load_bytes (GBytes             *bytes,
                             const char         *name,
                             KlyngeLoadOptions  *options,
                             GError            **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_bytes (bytes, name, options, NULL, error);
}

/**
 * klynge_landscape_load_bytes_with_problem:
 * @bytes: a landscape document
 * @name: (nullable): a name for the input in messages and in the problem
 * @options: (nullable): caps, or %NULL for the defaults
 * @problem: (out) (optional) (nullable) (transfer full): return location
 *   for what made the load fail
 *
 * Reads a landscape from memory as klynge_landscape_load_bytes() does,
 * but reports a failure as a #KlyngeProblem rather than a #GError: its
 * code, the file name, line and column as numbers, and the message
 * without them. klynge_problem_to_string() of it is the message of the
 * #GError that klynge_landscape_load_bytes() gives for the same input.
 *
 * Meant for language bindings: PyGObject, for one, turns a #GError into
 * an exception that keeps only its domain, code and message.
 *
 * Returns: (transfer full) (nullable): a new landscape, or %NULL with
 *   @problem set
 */
KlyngeLandscape *
klynge_landscape_load_bytes_with_problem (GBytes             *bytes,
                                          const char         *name,
                                          KlyngeLoadOptions  *options,
                                          KlyngeProblem     **problem)
{
  g_return_val_if_fail (bytes != NULL, NULL);

  if (problem != NULL)
    *problem = NULL;
  return load_bytes (bytes, name, options, problem, NULL);
}

static GInputStream *
open_file (Reader        *reader,
           const char    *path,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local = NULL;
  GFileInputStream *stream;

  stream = g_file_read (file, cancellable, &local);
  if (stream == NULL)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      message = g_strdup_printf ("cannot open: %s", local->message);
      reader->fatal = klynge_problem_new (KLYNGE_ERROR_IO, path, 0, 0, NULL, message);
      _klynge_problem_to_error (reader->fatal, error);
      return NULL;
    }
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  if (info != NULL)
    {
      reader->bytes_total = (guint64) g_file_info_get_size (info);
      /* refuse an oversized file before reading any of it */
      if (reader->bytes_total > reader->options.max_input_size)
        {
          g_autofree char *message =
            g_strdup_printf ("the file has %" G_GUINT64_FORMAT " bytes; at most %" G_GUINT64_FORMAT " are allowed",
                             reader->bytes_total, reader->options.max_input_size);

          reader->fatal = klynge_problem_new (KLYNGE_ERROR_LIMIT_EXCEEDED, path, 0, 0, NULL, message);
          _klynge_problem_to_error (reader->fatal, error);
          g_object_unref (stream);
          return NULL;
        }
    }
  return G_INPUT_STREAM (stream);
}

static KlyngeLandscape *
load_file (const char          *path,
           KlyngeLoadOptions   *options,
           GCancellable        *cancellable,
           KlyngeProgressFunc   progress,
           gpointer             progress_data,
           KlyngeProblem      **problem,
           GError             **error)
{
  g_autoptr(GInputStream) stream = NULL;
  Reader *reader;
  KlyngeLandscape *landscape = NULL;

  reader = reader_new (path, options, FALSE);
  reader->progress = progress;
  reader->progress_data = progress_data;
  stream = open_file (reader, path, cancellable, error);
  if (stream != NULL && reader->bytes_total >= THREADS_FROM)
    landscape = load_from_file (reader, stream, cancellable, error);
  else if (stream != NULL)
    landscape = load_from_stream (reader, stream, cancellable, error);
  if (problem != NULL)
    *problem = g_steal_pointer (&reader->fatal);
  reader_free (reader);
  return landscape;
}

/**
 * klynge_landscape_load_file_full:
 * @path: (type filename): the file to read
 * @options: (nullable): caps, or %NULL for the defaults
 * @cancellable: (nullable): a #GCancellable
 * @progress: (nullable) (scope call): called as the file is read
 * @progress_data: (closure progress): data for @progress
 * @error: return location for a #GError
 *
 * Reads a landscape file; see klynge_landscape_load_stream(). The file is
 * read as it is: a compressed file is not unpacked (and fails).
 *
 * Returns: (transfer full) (nullable): a new landscape, or %NULL
 */
KlyngeLandscape *
klynge_landscape_load_file_full (const char          *path,
                                 KlyngeLoadOptions   *options,
                                 GCancellable        *cancellable,
                                 KlyngeProgressFunc   progress,
                                 gpointer             progress_data,
                                 GError             **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_file (path, options, cancellable, progress, progress_data, NULL, error);
}

/**
 * klynge_landscape_load_file_with_problem:
 * @path: (type filename): the file to read
 * @options: (nullable): caps, or %NULL for the defaults
 * @problem: (out) (optional) (nullable) (transfer full): return location
 *   for what made the load fail
 *
 * Reads a landscape file as klynge_landscape_load_file_full() does, but
 * reports a failure as a #KlyngeProblem rather than a #GError: its code,
 * the file, line and column as numbers (0 where not known, as for a file
 * that cannot be opened), and the message without them.
 * klynge_problem_to_string() of it is the message of the #GError that
 * klynge_landscape_load_file() gives for the same file.
 *
 * Meant for language bindings: PyGObject, for one, turns a #GError into
 * an exception that keeps only its domain, code and message, so the
 * location would have to be read back out of the text.
 *
 * Returns: (transfer full) (nullable): a new landscape, or %NULL with
 *   @problem set
 */
KlyngeLandscape *
klynge_landscape_load_file_with_problem (const char         *path,
                                         KlyngeLoadOptions  *options,
                                         KlyngeProblem     **problem)
{
  g_return_val_if_fail (path != NULL, NULL);

  if (problem != NULL)
    *problem = NULL;
  return load_file (path, options, NULL, NULL, NULL, problem, NULL);
}

/**
 * klynge_landscape_load_file:
 * @path: (type filename): the file to read
 * @error: return location for a #GError
 *
 * Reads a landscape file with the default caps; see
 * klynge_landscape_load_file_full().
 *
 * Returns: (transfer full) (nullable): a new landscape, or %NULL with
 *   @error set (domain %KLYNGE_ERROR, message `file:line:column: …`)
 */
KlyngeLandscape *
klynge_landscape_load_file (const char  *path,
                            GError     **error)
{
  return klynge_landscape_load_file_full (path, NULL, NULL, NULL, NULL, error);
}

/**
 * klynge_landscape_validate_file:
 * @path: (type filename): the file to check
 * @options: (nullable): caps, or %NULL for the defaults
 *
 * Reads a landscape file and lists every problem in it rather than
 * stopping at the first: problems in values and references, then what
 * klynge_landscape_validate() finds. A problem in the XML itself (a syntax
 * error, a DOCTYPE, an unknown element) still ends the reading, as the
 * rest cannot be trusted; it is the last problem listed.
 *
 * Returns: (transfer container) (element-type KlyngeProblem): the
 *   problems, in document order; empty when the file is valid. The array
 *   frees its elements.
 */
GPtrArray *
klynge_landscape_validate_file (const char        *path,
                                KlyngeLoadOptions *options)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLandscape) landscape = NULL;
  GPtrArray *problems;
  Reader *reader;

  g_return_val_if_fail (path != NULL, NULL);

  reader = reader_new (path, options, TRUE);
  stream = open_file (reader, path, NULL, &error);
  if (stream == NULL)
    {
      g_ptr_array_add (reader->problems,
                       klynge_problem_new (error->domain == KLYNGE_ERROR ? error->code : KLYNGE_ERROR_IO,
                                           NULL, 0, 0, NULL, error->message));
      g_clear_error (&error);
    }
  else
    {
      landscape = reader->bytes_total >= THREADS_FROM
        ? load_from_file (reader, stream, NULL, &error)
        : load_from_stream (reader, stream, NULL, &error);
      g_clear_error (&error);
    }
  if (reader->problems->len == 0 && reader->landscape != NULL)
    _klynge_landscape_check_consistency (reader->landscape, reader->file, reader->problems);
  else if (landscape != NULL)
    _klynge_landscape_check_consistency (landscape, reader->file, reader->problems);
  problems = g_steal_pointer (&reader->problems);
  reader_free (reader);
  return problems;
}

/* --- async ------------------------------------------------------------- */

typedef struct {
  char *path;
  KlyngeLoadOptions *options;
  KlyngeProgressFunc progress;
  gpointer progress_data;
  GDestroyNotify progress_data_free;
  GMainContext *context;
  /* the last progress reported, so the main context is not flooded */
  guint64 reported;
} LoadTaskData;

typedef struct {
  LoadTaskData *data;
  guint64 done;
  guint64 total;
  GTask *task;
} ProgressReport;

static void
load_task_data_free (gpointer p)
{
  LoadTaskData *data = p;

  g_free (data->path);
  g_clear_pointer (&data->options, klynge_load_options_unref);
  if (data->progress_data_free != NULL)
    data->progress_data_free (data->progress_data);
  g_main_context_unref (data->context);
  g_free (data);
}

static gboolean
deliver_progress (gpointer p)
{
  ProgressReport *report = p;

  report->data->progress (report->done, report->total, report->data->progress_data);
  return G_SOURCE_REMOVE;
}

static void
free_progress_report (gpointer p)
{
  ProgressReport *report = p;

  g_object_unref (report->task);
  g_free (report);
}

/* Runs in the worker thread; hands progress to the caller's context. */
static void
forward_progress (guint64  done,
                  guint64  total,
                  gpointer user_data)
{
  GTask *task = user_data;
  LoadTaskData *data = g_task_get_task_data (task);
  ProgressReport *report;

  if (total > 0 && done < total && done - data->reported < total / 100)
    return;
  data->reported = done;
  report = g_new0 (ProgressReport, 1);
  report->data = data;
  report->done = done;
  report->total = total;
  report->task = g_object_ref (task);
  g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT, deliver_progress,
                              report, free_progress_report);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadTaskData *data = task_data;
  GError *error = NULL;
  KlyngeLandscape *landscape;

  landscape = klynge_landscape_load_file_full (data->path, data->options, cancellable,
                                               data->progress ? forward_progress : NULL,
                                               task, &error);
  if (landscape == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, landscape, g_object_unref);
}

/**
 * klynge_landscape_load_file_async:
 * @path: (type filename): the file to read
 * @options: (nullable): caps, or %NULL for the defaults
 * @cancellable: (nullable): a #GCancellable
 * @progress: (nullable) (scope notified) (closure progress_data)
 *   (destroy progress_data_free): called in the thread-default main
 *   context of the caller as the file is read, at most about once per
 *   percent
 * @progress_data: data for @progress
 * @progress_data_free: (nullable): frees @progress_data when the load is over
 * @callback: (scope async): called when the load is done
 * @user_data: (closure callback): data for @callback
 *
 * Reads a landscape file in a worker thread; see
 * klynge_landscape_load_file_full(). Finish with
 * klynge_landscape_load_file_finish().
 */
void
klynge_landscape_load_file_async (const char          *path,
                                  KlyngeLoadOptions   *options,
                                  GCancellable        *cancellable,
                                  KlyngeProgressFunc   progress,
                                  gpointer             progress_data,
                                  GDestroyNotify       progress_data_free,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadTaskData *data;

  g_return_if_fail (path != NULL);

  data = g_new0 (LoadTaskData, 1);
  data->path = g_strdup (path);
  data->options = options ? klynge_load_options_ref (options) : NULL;
  data->progress = progress;
  data->progress_data = progress_data;
  data->progress_data_free = progress_data_free;
  data->context = g_main_context_ref_thread_default ();

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, klynge_landscape_load_file_async);
  g_task_set_task_data (task, data, load_task_data_free);
  g_task_run_in_thread (task, load_in_thread);
}

/**
 * klynge_landscape_load_file_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Finishes klynge_landscape_load_file_async().
 *
 * Returns: (transfer full) (nullable): a new landscape, or %NULL
 */
KlyngeLandscape *
klynge_landscape_load_file_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
