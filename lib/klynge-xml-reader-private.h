/* klynge-xml-reader-private.h: what the files of the XML reader share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * klynge-xml-reader.c  the table of elements and their handlers, reporting
 * klynge-xml-input.c   checks on the bytes before libxml2 sees them,
 *                      read-ahead, feeding the parser
 * klynge-xml-bulk.c    members and memberships in bulk, and the worker
 *                      thread that looks members up
 * klynge-xml-load.c    the public entry points
 */
#pragma once

#include <libxml/parser.h>
#include <libxml/SAX2.h>

#include "klynge-xml-private.h"

G_BEGIN_DECLS

typedef enum {
  E_LANDSCAPE,
  E_FUNDING_SOURCES, E_FUNDING_SOURCE, E_NAME, E_PARENT, E_SOURCE, E_NOTE,
  E_MEMBERS, E_MEMBER,
  E_ORGANISATIONS, E_ORGANISATION, E_NAME_EN, E_WEBSITE, E_LOCATION,
  E_FOCUS_AREA, E_LABEL, E_MEMBERSHIP,
  E_CONTRACTS, E_CONTRACT, E_SHARE,
  E_MERGERS, E_MERGER, E_PREDECESSOR,
  E_INITIATIVES, E_INITIATIVE, E_TITLE, E_PARTICIPANT,
  E_PROGRAMMES, E_PROGRAMME, E_ENVELOPE, E_DESIGNATION,
  E_IDENTIFIER,
  N_ELEMENTS
} ElementId;

typedef enum {
  A_VERSION, A_ID, A_KIND, A_CVR, A_SIZE, A_FOUNDED, A_DISSOLVED, A_CITY,
  A_ADDRESS, A_ROLE, A_LEVEL, A_AWARDED, A_VALID_UNTIL, A_MEMBER, A_SINCE,
  A_UNTIL, A_HOLDER, A_START, A_END, A_AMOUNT, A_RENEWS, A_SOURCE, A_PERCENT,
  A_EFFECTIVE, A_SUCCESSOR, A_STATUS, A_REF, A_THEME, A_HOST, A_REPLACES,
  A_HREF, A_ACCESSED, A_PROGRAMME, A_ORGANISATION, A_AREA, A_MEMBER_LIST,
  A_SCHEME, A_VALUE, A_REGION, A_MUNICIPALITY, A_PARTICIPANTS_COUNT,
  A_AREA_SCHEME, A_KNOWN_UNTIL,
  N_ATTRIBUTES
} AttributeId;

/* The messages of the checks that both the reader and the bulk path make. */
#define KLYNGE_XML_BAD_ID_FORMAT "“%s” is not a valid id for “%s”: ids are XML names such as “m-1”"
#define KLYNGE_XML_UNRESOLVED_FORMAT "%s “%s” names no record"
#define KLYNGE_XML_WRONG_KIND_FORMAT "%s “%s” names a record of the wrong kind"

/* --- klynge-xml-bulk.c --------------------------------------------------- */

/* A <membership>'s values, in the order of its row in the reader's
 * table; NULL for one that is not there. Not NUL-terminated. */
enum {
  KLYNGE_XML_MEMBERSHIP_MEMBER,
  KLYNGE_XML_MEMBERSHIP_SINCE,
  KLYNGE_XML_MEMBERSHIP_UNTIL,
  KLYNGE_XML_MEMBERSHIP_ROLE,    /* version 2 */
  KLYNGE_XML_MEMBERSHIP_END,     /* version 2 */
  KLYNGE_XML_N_MEMBERSHIP_VALUES
};

typedef struct {
  const char *values[KLYNGE_XML_N_MEMBERSHIP_VALUES];
  gsize lengths[KLYNGE_XML_N_MEMBERSHIP_VALUES];
} KlyngeXmlMembershipValues;

/* What the bulk path found wrong, for the reader to report in document
 * order. An unknown member comes back with the code
 * KLYNGE_ERROR_UNRESOLVED_REFERENCE, @member set and no @message: whether
 * the id names no record or one of another kind is for the parsing
 * thread to say, since only it may look at the other records. */
typedef struct {
  int code;
  guint line;
  KlyngeOrgEntry *entry;     /* the organisation */
  KlyngeRecord *record;
  char *message;
  char *member;
} KlyngeXmlFailure;

typedef struct _KlyngeXmlBulk KlyngeXmlBulk;

KlyngeXmlBulk *_klynge_xml_bulk_new              (KlyngeLandscape *landscape);
void           _klynge_xml_bulk_free             (KlyngeXmlBulk   *bulk);
void           _klynge_xml_bulk_set_threaded     (KlyngeXmlBulk   *bulk,
                                                  gboolean         threaded);
void           _klynge_xml_bulk_set_keep_lines  (KlyngeXmlBulk   *bulk,
                                                  gboolean         keep_lines);
void           _klynge_xml_bulk_set_tiny_batches (KlyngeXmlBulk   *bulk);
guint32        _klynge_xml_bulk_add_member       (KlyngeXmlBulk            *bulk,
                                                  const KlyngeMemberValues *values,
                                                  KlyngeMember             *object);
void           _klynge_xml_bulk_add_membership   (KlyngeXmlBulk   *bulk,
                                                  KlyngeOrgEntry  *entry,
                                                  KlyngeRecord    *organisation,
                                                  const KlyngeXmlMembershipValues *values,
                                                  guint            line);
void           _klynge_xml_bulk_add_checked      (KlyngeXmlBulk   *bulk,
                                                  KlyngeOrgEntry  *entry,
                                                  KlyngeRecord    *organisation,
                                                  const KlyngeMembershipSlot *slot,
                                                  guint            line);
void           _klynge_xml_bulk_end_organisation (KlyngeXmlBulk   *bulk,
                                                  KlyngeOrgEntry  *entry,
                                                  KlyngeRecord    *organisation);
GArray        *_klynge_xml_bulk_sync             (KlyngeXmlBulk   *bulk);
gboolean       _klynge_xml_check_membership      (const KlyngeXmlMembershipValues *values,
                                                  gboolean         found,
                                                  guint32          member,
                                                  KlyngeMembershipSlot *slot,
                                                  KlyngeXmlFailure *failure);
void           _klynge_xml_failure_clear         (KlyngeXmlFailure *failure);

/* --- the reader ---------------------------------------------------------- */

/* The deepest the format goes: landscape/organisations/organisation/x. */
#define FORMAT_DEPTH 4

typedef struct {
  ElementId element;
  guint child_position;   /* index into the spec's children */
  guint child_count;      /* occurrences of that child so far */
  guint line;
} Frame;

/* The pre-scan's state between chunks (klynge-xml-input.c). */
typedef struct {
  int state;
  guint marks;
  char quote;
  guint attributes;
} KlyngeXmlScan;

typedef struct _KlyngeXmlReader KlyngeXmlReader;

struct _KlyngeXmlReader
{
  xmlParserCtxtPtr parser;
  KlyngeLandscape *landscape;
  KlyngeLoadOptions options;
  char *file;

  GError *error;          /* the first fatal error */
  KlyngeProblem *fatal;   /* the same as data; NULL for a cancellation */
  GPtrArray *problems;    /* when collecting every problem; else NULL */
  /* while a fast path tries a check: what fails is not reported */
  gboolean dry_run;

  const xmlChar *element_atoms[N_ELEMENTS];
  ElementId recent_elements[3];           /* looked up lately, first first */
  const xmlChar *attribute_atoms[N_ATTRIBUTES];
  const xmlChar *namespace_atom;

  Frame stack[FORMAT_DEPTH + 1];
  guint depth;            /* elements open, including ones past the format */
  gboolean root_seen;
  /* the root's version (1 or 2): what it may hold (see the table) */
  guint version;

  /* attribute values of the element being started, NUL-terminated */
  const char *values[N_ATTRIBUTES];
  gsize value_lengths[N_ATTRIBUTES];
  GString *scratch;
  gsize value_offsets[N_ATTRIBUTES];

  GString *text;
  gboolean collecting_text;
  /* the scheme of the <focus-area> being read; NULL for free text */
  char *focus_area_scheme;

  /* the record being read */
  KlyngeRecord *record;
  KlyngeOrgEntry *org_entry;

  /* Members and memberships go through the bulk path; what it finds
   * wrong is reported before anything else is (flush_deferred()), so
   * that errors, problems, progress and reads are exactly what a single
   * thread gives. */
  KlyngeXmlBulk *bulk;
  gboolean flushing;            /* in flush_deferred() */
  /* Whether every chunk waits for the worker before it counts as read:
   * so that after an error found there no more chunks are read or
   * reported to @progress, as on a single thread. A file the loader
   * opened itself, read without @progress, need not. */
  gboolean sync_every_chunk;

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

  KlyngeXmlScan scan;
  guint64 bytes_read;
  guint64 bytes_total;
  KlyngeProgressFunc progress;
  gpointer progress_data;
};

static inline guint
_klynge_xml_reader_line (KlyngeXmlReader *reader)
{
  return reader->parser != NULL ? (guint) xmlSAX2GetLineNumber (reader->parser) : 0;
}

static inline guint
_klynge_xml_reader_column (KlyngeXmlReader *reader)
{
  return reader->parser != NULL ? (guint) xmlSAX2GetColumnNumber (reader->parser) : 0;
}

static inline gboolean
_klynge_xml_reader_failed (KlyngeXmlReader *reader)
{
  return reader->error != NULL;
}

KlyngeXmlReader *_klynge_xml_reader_new      (const char              *name,
                                              const KlyngeLoadOptions *options,
                                              gboolean                 collect);
void             _klynge_xml_reader_free     (KlyngeXmlReader         *reader);
void             _klynge_xml_reader_set_size (KlyngeXmlReader         *reader,
                                              guint64                  size);
gboolean         _klynge_xml_reader_threaded (KlyngeXmlReader         *reader);
void             _klynge_xml_reader_fatal_at (KlyngeXmlReader         *reader,
                                              int                      code,
                                              guint                    line,
                                              guint                    column,
                                              const char              *format,
                                              ...) G_GNUC_PRINTF (5, 6);
/* Reports what is pending (a member's duplicate id, what the bulk path
 * found), as a single thread would have by now. */
void             _klynge_xml_reader_flush    (KlyngeXmlReader         *reader);
KlyngeLandscape *_klynge_xml_reader_finish   (KlyngeXmlReader         *reader,
                                              GError                 **error);

void             _klynge_xml_decode_attribute (GString                 *out,
                                               const char              *value,
                                               gsize                    length);

/* For the handlers (klynge-xml-records.c): reporting, and the typed
 * checks of attribute values, which report what fails. */
void             _klynge_xml_problem_at      (KlyngeXmlReader         *reader,
                                              int                      code,
                                              guint                    line,
                                              const char              *format,
                                              ...) G_GNUC_PRINTF (4, 5);
void             _klynge_xml_problem_from_error (KlyngeXmlReader      *reader,
                                              guint                    line,
                                              GError                  *error);
gboolean         _klynge_xml_value_id        (KlyngeXmlReader         *reader,
                                              AttributeId              attribute,
                                              guint                    line);
gboolean         _klynge_xml_value_enum      (KlyngeXmlReader         *reader,
                                              AttributeId              attribute,
                                              GType                    type,
                                              int                     *out,
                                              guint                    line);
gboolean         _klynge_xml_value_date      (KlyngeXmlReader         *reader,
                                              AttributeId              attribute,
                                              KlyngeDate              *date,
                                              guint                    line);
gboolean         _klynge_xml_value_reference (KlyngeXmlReader         *reader,
                                              AttributeId              attribute,
                                              GType                    expected,
                                              guint                    line);
gboolean         _klynge_xml_claim_id        (KlyngeXmlReader         *reader,
                                              guint                    line);

/* --- klynge-xml-records.c ------------------------------------------------ */

/* The handlers of the records other than members; see the table. */
void _klynge_xml_end_record           (KlyngeXmlReader *reader, const Frame *frame);
void _klynge_xml_start_funding_source (KlyngeXmlReader *reader, guint line);
void _klynge_xml_start_organisation   (KlyngeXmlReader *reader, guint line);
void _klynge_xml_end_organisation     (KlyngeXmlReader *reader, const Frame *frame);
void _klynge_xml_start_location       (KlyngeXmlReader *reader, guint line);
void _klynge_xml_start_label          (KlyngeXmlReader *reader, guint line);
void _klynge_xml_start_contract       (KlyngeXmlReader *reader, guint line);
void _klynge_xml_start_share          (KlyngeXmlReader *reader, guint line);
void _klynge_xml_end_contract         (KlyngeXmlReader *reader, const Frame *frame);
void _klynge_xml_start_merger         (KlyngeXmlReader *reader, guint line);
void _klynge_xml_start_predecessor    (KlyngeXmlReader *reader, guint line);
void _klynge_xml_end_merger           (KlyngeXmlReader *reader, const Frame *frame);
void _klynge_xml_start_initiative     (KlyngeXmlReader *reader, guint line);
void _klynge_xml_end_initiative       (KlyngeXmlReader *reader, const Frame *frame);
void _klynge_xml_start_participant    (KlyngeXmlReader *reader, guint line);
void _klynge_xml_start_programme      (KlyngeXmlReader *reader, guint line);
void _klynge_xml_start_envelope       (KlyngeXmlReader *reader, guint line);
void _klynge_xml_start_designation    (KlyngeXmlReader *reader, guint line);
void _klynge_xml_start_identifier     (KlyngeXmlReader *reader, guint line);

/* For tests: the size from which a document is read with the worker and
 * the read-ahead thread (1 MiB). 0 sends every document through them,
 * with every membership checked on the worker however few there are.
 * The environment variable KLYNGE_TEST_BULK_FROM, read once, sets it
 * for whole programs. */
void             _klynge_xml_reader_set_threads_from (guint64 size);

/* --- klynge-xml-input.c -------------------------------------------------- */

void             _klynge_xml_input_init        (void);
void             _klynge_xml_input_on_start_document (void         *ctx);
gboolean         _klynge_xml_input_feed        (KlyngeXmlReader  *reader,
                                                const char       *data,
                                                gsize             length,
                                                gboolean          last);
GInputStream    *_klynge_xml_input_open_file   (KlyngeXmlReader  *reader,
                                                const char       *path,
                                                GCancellable     *cancellable,
                                                GError          **error);
KlyngeLandscape *_klynge_xml_input_load_stream (KlyngeXmlReader  *reader,
                                                GInputStream     *stream,
                                                GCancellable     *cancellable,
                                                GError          **error);
KlyngeLandscape *_klynge_xml_input_load_file   (KlyngeXmlReader  *reader,
                                                GInputStream     *stream,
                                                GCancellable     *cancellable,
                                                GError          **error);

G_END_DECLS
