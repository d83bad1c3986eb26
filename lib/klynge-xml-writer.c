/* klynge-xml-writer.c: the canonical writer and the atomic save
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Output is canonical (docs/format.md): UTF-8, fixed attribute order,
 * two-space indent, records in landscape order, values as they were read
 * (dates keep their precision, amounts their decimals). A hand-written
 * buffered emitter keeps it fast on millions of memberships. Saving to a
 * file writes a temporary file beside it, fsyncs and renames it, so the
 * old file stays whole whatever happens.
 */
/* sync_file_range(), O_DIRECT, statx() */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "klynge-output-private.h"
#include "klynge-xml-private.h"

/* Direct I/O is not POSIX: where <fcntl.h> has no O_DIRECT (macOS, some
 * BSDs) every save goes through the page cache, and the flag is 0 so that
 * the code that clears it needs no conditions of its own. */
#ifdef O_DIRECT
#define HAVE_DIRECT_IO 1
#else
#define HAVE_DIRECT_IO 0
#define O_DIRECT 0
#endif


typedef struct {
  KlyngeOutput out;
  const char *kind_nicks[8];  /* member kinds, by value, as met */
  const char *size_nicks[8];  /* member sizes */
} Writer;

/* The bytes put_escaped() must look at: C0 controls (refused, or escaped
 * in places), the characters it escapes, and every byte outside ASCII
 * (checked as UTF-8). Text without any of them is written as it is. */
static const guchar text_marks[256] = {
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

/* Escapes @text for an attribute value (in_attribute) or element text.
 * Tab, newline and carriage return are escaped in attributes so they
 * survive attribute-value normalisation; carriage return also in text. */
static void
put_escaped (Writer     *writer,
             const char *text,
             gboolean    in_attribute)
{
  const char *p;

  /* the usual case, plain ASCII: one pass, one copy */
  for (p = text; !text_marks[(guchar) *p]; p++)
    ;
  if (*p == '\0')
    {
      _klynge_output_put (&writer->out, text, (gsize) (p - text));
      return;
    }

  if (G_UNLIKELY (!klynge_text_is_valid (text, -1)))
    {
      if (writer->out.error == NULL)
        g_set_error (&writer->out.error, KLYNGE_ERROR, KLYNGE_ERROR_ENCODING,
                     "a value is not UTF-8 text that XML can carry; nothing was saved");
      return;
    }
  _klynge_output_put_escaped (&writer->out, text, in_attribute);
}

static void
put_attribute (Writer     *writer,
               const char *name,
               const char *value)
{
  if (value == NULL)
    return;
  _klynge_output_put (&writer->out, " ", 1);
  _klynge_output_put_str (&writer->out, name);
  _klynge_output_put (&writer->out, "=\"", 2);
  put_escaped (writer, value, TRUE);
  _klynge_output_put (&writer->out, "\"", 1);
}

/* Names and enum nicks need no escaping. */
static void
put_attribute_raw (Writer     *writer,
                   const char *name,
                   const char *value,
                   gsize       length)
{
  _klynge_output_put (&writer->out, " ", 1);
  _klynge_output_put_str (&writer->out, name);
  _klynge_output_put (&writer->out, "=\"", 2);
  _klynge_output_put (&writer->out, value, length);
  _klynge_output_put (&writer->out, "\"", 1);
}

static void
put_enum (Writer     *writer,
          const char *name,
          GType       type,
          int         value)
{
  const char *nick = _klynge_enum_to_nick (type, value);

  put_attribute_raw (writer, name, nick, strlen (nick));
}

static void
put_date (Writer           *writer,
          const char       *name,
          const KlyngeDate *date)
{
  char buf[10];
  gsize length = _klynge_date_format (date, buf);

  if (length > 0)
    put_attribute_raw (writer, name, buf, length);
}

static void
put_text_element (Writer     *writer,
                  const char *indent,
                  const char *name,
                  const char *text)
{
  if (text == NULL)
    return;
  _klynge_output_put_str (&writer->out, indent);
  _klynge_output_put (&writer->out, "<", 1);
  _klynge_output_put_str (&writer->out, name);
  _klynge_output_put (&writer->out, ">", 1);
  put_escaped (writer, text, FALSE);
  _klynge_output_put (&writer->out, "</", 2);
  _klynge_output_put_str (&writer->out, name);
  _klynge_output_put (&writer->out, ">\n", 2);
}

static void
put_provenance (Writer       *writer,
                KlyngeRecord *record)
{
  GPtrArray *sources = klynge_record_get_sources (record);

  for (guint i = 0; i < sources->len; i++)
    {
      KlyngeSource *source = g_ptr_array_index (sources, i);

      KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "      <source");
      put_attribute (writer, "href", klynge_source_get_href (source));
      put_date (writer, "accessed", klynge_source_get_accessed (source));
      KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "/>\n");
    }
  put_text_element (writer, "      ", "note", klynge_record_get_note (record));
}

static void
put_record_start (Writer       *writer,
                  KlyngeRecord *record)
{
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "    <");
  _klynge_output_put_str (&writer->out, klynge_record_get_kind_name (record));
  put_attribute (writer, "id", klynge_record_get_id (record));
}

static void
put_record_end (Writer       *writer,
                KlyngeRecord *record)
{
  put_provenance (writer, record);
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "    </");
  _klynge_output_put_str (&writer->out, klynge_record_get_kind_name (record));
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, ">\n");
}

static void
write_funding_source (Writer   *writer,
                     gpointer  record)
{
  KlyngeFundingSource *source = record;
  put_record_start (writer, KLYNGE_RECORD (source));
  put_enum (writer, "kind", KLYNGE_TYPE_FUNDING_SOURCE_KIND, klynge_funding_source_get_kind (source));
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, ">\n");
  put_text_element (writer, "      ", "name", klynge_funding_source_get_name (source));
  put_text_element (writer, "      ", "parent", klynge_funding_source_get_parent (source));
  put_record_end (writer, KLYNGE_RECORD (source));
}

/* The nick of a member's kind or size, looked up once per save. */
static const char *
member_nick (const char **cache,
             guint        n_cache,
             GType        type,
             int          value)
{
  if (value < 0 || (guint) value >= n_cache)
    return _klynge_enum_to_nick (type, value);
  if (cache[value] == NULL)
    cache[value] = _klynge_enum_to_nick (type, value);
  return cache[value];
}

static void
write_member (Writer          *writer,
              KlyngeLandscape *landscape,
              guint32          index)
{
  const KlyngeMemberSlot *slot = _klynge_membership_store_member_slot (&landscape->store, index);
  /* a member has an object only once the API has handed it out */
  KlyngeMember *object = _klynge_landscape_peek_member_object (landscape, index);
  KlyngeMemberSize size;
  KlyngeMemberKind kind;
  const char *name, *cvr, *nick;
  char cvr_buf[9];

  if (object != NULL)
    {
      size = _klynge_landscape_member_size (landscape, index);
      kind = _klynge_landscape_member_kind (landscape, index);
      name = _klynge_landscape_member_name (landscape, index);
      cvr = _klynge_landscape_member_cvr (landscape, index, cvr_buf);
    }
  else
    {
      /* what those give for a member without an object */
      size = slot->size;
      kind = slot->kind;
      name = slot->name;
      cvr = NULL;
      if (slot->cvr != 0)
        {
          /* "%08u" */
          guint32 v = slot->cvr;

          for (int i = 7; i >= 0; i--, v /= 10)
            cvr_buf[i] = (char) ('0' + v % 10);
          cvr_buf[8] = '\0';
          cvr = cvr_buf;
        }
    }

  KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "    <member id=\"");
  put_escaped (writer, _klynge_landscape_member_id (landscape, index), TRUE);
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "\"");
  if (cvr != NULL)
    put_attribute_raw (writer, "cvr", cvr, strlen (cvr));
  nick = member_nick (writer->kind_nicks, G_N_ELEMENTS (writer->kind_nicks), KLYNGE_TYPE_MEMBER_KIND, kind);
  put_attribute_raw (writer, "kind", nick, strlen (nick));
  if (size != KLYNGE_MEMBER_SIZE_UNKNOWN)
    {
      nick = member_nick (writer->size_nicks, G_N_ELEMENTS (writer->size_nicks), KLYNGE_TYPE_MEMBER_SIZE, size);
      put_attribute_raw (writer, "size", nick, strlen (nick));
    }
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, ">\n");
  put_text_element (writer, "      ", "name", name);
  if (object != NULL)
    put_provenance (writer, KLYNGE_RECORD (object));
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "    </member>\n");
}

static void
write_organisation (Writer          *writer,
                    KlyngeLandscape *landscape,
                    KlyngeOrgEntry  *entry)
{
  KlyngeOrganisation *organisation = entry->organisation;
  const char * const *focus_areas = klynge_organisation_get_focus_areas (organisation);
  GPtrArray *locations = klynge_organisation_get_locations (organisation);
  GPtrArray *labels = klynge_organisation_get_labels (organisation);
  const KlyngeMembershipSlot *slots;
  guint n_slots;

  put_record_start (writer, KLYNGE_RECORD (organisation));
  put_enum (writer, "kind", KLYNGE_TYPE_ORGANISATION_KIND, klynge_organisation_get_kind (organisation));
  put_date (writer, "founded", klynge_organisation_get_founded (organisation));
  put_date (writer, "dissolved", klynge_organisation_get_dissolved (organisation));
  put_attribute (writer, "cvr", klynge_organisation_get_cvr (organisation));
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, ">\n");
  put_text_element (writer, "      ", "name", klynge_organisation_get_name (organisation));
  put_text_element (writer, "      ", "name-en", klynge_organisation_get_name_en (organisation));
  put_text_element (writer, "      ", "website", klynge_organisation_get_website (organisation));
  for (guint i = 0; i < locations->len; i++)
    {
      KlyngeLocation *location = g_ptr_array_index (locations, i);

      KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "      <location");
      put_attribute (writer, "city", klynge_location_get_city (location));
      put_attribute (writer, "address", klynge_location_get_address (location));
      put_attribute (writer, "role", klynge_location_get_role (location));
      KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "/>\n");
    }
  for (guint i = 0; focus_areas[i] != NULL; i++)
    put_text_element (writer, "      ", "focus-area", focus_areas[i]);
  for (guint i = 0; i < labels->len; i++)
    {
      KlyngeLabel *label = g_ptr_array_index (labels, i);

      KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "      <label");
      put_enum (writer, "level", KLYNGE_TYPE_LABEL_LEVEL, klynge_label_get_level (label));
      put_date (writer, "awarded", klynge_label_get_awarded (label));
      put_date (writer, "valid-until", klynge_label_get_valid_until (label));
      KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "/>\n");
    }
  slots = _klynge_membership_store_org_slots (entry, &n_slots);
  for (guint i = 0; i < n_slots; i++)
    {
      const KlyngeMembershipSlot *slot = &slots[i];
      KlyngeDate since, until;

      /* each membership reads its member's id, anywhere in memory: fetch
       * it a few memberships ahead */
      if (i + KLYNGE_MEMBER_ID_PREFETCH_AHEAD < n_slots)
        _klynge_membership_store_prefetch_member_id (&landscape->store, slots[i + KLYNGE_MEMBER_ID_PREFETCH_AHEAD].member);

      KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "      <membership member=\"");
      put_escaped (writer, _klynge_landscape_member_id (landscape, slot->member), TRUE);
      KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "\"");
      _klynge_membership_slot_get_dates (slot, &since, &until);
      put_date (writer, "since", &since);
      put_date (writer, "until", &until);
      KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "/>\n");
    }
  put_record_end (writer, KLYNGE_RECORD (organisation));
}

static void
write_contract (Writer   *writer,
               gpointer  record)
{
  KlyngeContract *contract = record;
  const KlyngePeriod *period = klynge_contract_get_period (contract);
  GPtrArray *shares = klynge_contract_get_shares (contract);
  g_autofree char *amount = klynge_money_to_string (klynge_contract_get_amount (contract),
                                                    _klynge_contract_get_amount_decimals (contract));

  put_record_start (writer, KLYNGE_RECORD (contract));
  put_attribute (writer, "holder", klynge_contract_get_holder (contract));
  put_date (writer, "start", &period->start);
  put_date (writer, "end", &period->end);
  put_attribute_raw (writer, "amount", amount, strlen (amount));
  put_attribute (writer, "renews", klynge_contract_get_renews (contract));
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, ">\n");
  for (guint i = 0; i < shares->len; i++)
    {
      KlyngeShare *share = g_ptr_array_index (shares, i);
      g_autofree char *percent = klynge_percent_to_string (klynge_share_get_basis_points (share),
                                                           _klynge_share_get_decimals (share));

      KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "      <share");
      put_attribute (writer, "source", klynge_share_get_source (share));
      put_attribute_raw (writer, "percent", percent, strlen (percent));
      KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "/>\n");
    }
  put_record_end (writer, KLYNGE_RECORD (contract));
}

static void
write_refs (Writer             *writer,
            const char         *element,
            const char * const *refs)
{
  for (guint i = 0; refs[i] != NULL; i++)
    {
      KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "      <");
      _klynge_output_put_str (&writer->out, element);
      put_attribute (writer, "ref", refs[i]);
      KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "/>\n");
    }
}

static void
write_merger (Writer   *writer,
             gpointer  record)
{
  KlyngeMerger *merger = record;
  put_record_start (writer, KLYNGE_RECORD (merger));
  put_date (writer, "effective", klynge_merger_get_effective (merger));
  put_attribute (writer, "successor", klynge_merger_get_successor (merger));
  put_enum (writer, "kind", KLYNGE_TYPE_MERGER_KIND, klynge_merger_get_kind (merger));
  put_enum (writer, "status", KLYNGE_TYPE_MERGER_STATUS, klynge_merger_get_status (merger));
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, ">\n");
  write_refs (writer, "predecessor", klynge_merger_get_predecessors (merger));
  put_record_end (writer, KLYNGE_RECORD (merger));
}

static void
write_initiative (Writer   *writer,
                 gpointer  record)
{
  KlyngeInitiative *initiative = record;
  put_record_start (writer, KLYNGE_RECORD (initiative));
  put_enum (writer, "kind", KLYNGE_TYPE_INITIATIVE_KIND, klynge_initiative_get_kind (initiative));
  put_enum (writer, "theme", KLYNGE_TYPE_INITIATIVE_THEME, klynge_initiative_get_theme (initiative));
  put_attribute (writer, "host", klynge_initiative_get_host (initiative));
  put_date (writer, "start", klynge_initiative_get_start (initiative));
  put_date (writer, "end", klynge_initiative_get_end (initiative));
  put_attribute (writer, "replaces", klynge_initiative_get_replaces (initiative));
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, ">\n");
  put_text_element (writer, "      ", "title", klynge_initiative_get_title (initiative));
  write_refs (writer, "participant", klynge_initiative_get_participants (initiative));
  put_record_end (writer, KLYNGE_RECORD (initiative));
}

static void
write_section (Writer          *writer,
               const char      *section,
               GPtrArray       *records,
               void           (*write_one) (Writer *, gpointer))
{
  if (records->len == 0)
    return;
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "  <");
  _klynge_output_put_str (&writer->out, section);
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, ">\n");
  for (guint i = 0; i < records->len && writer->out.error == NULL; i++)
    write_one (writer, g_ptr_array_index (records, i));
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "  </");
  _klynge_output_put_str (&writer->out, section);
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, ">\n");
}

static void
write_landscape (Writer          *writer,
                 KlyngeLandscape *self)
{
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  if (klynge_landscape_count (self, KLYNGE_TYPE_RECORD) == 0)
    {
      KLYNGE_OUTPUT_PUT_LITERAL (&writer->out,
                                 "<landscape xmlns=\"" KLYNGE_XML_NAMESPACE "\" version=\"1\"/>\n");
      return;
    }
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->out,
                             "<landscape xmlns=\"" KLYNGE_XML_NAMESPACE "\" version=\"1\">\n");

  write_section (writer, "funding-sources", self->funding_sources, write_funding_source);
  if (_klynge_membership_store_count_members (&self->store) > 0)
    {
      KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "  <members>\n");
      for (guint32 i = 0; i < _klynge_membership_store_n_member_slots (&self->store)
                          && writer->out.error == NULL; i++)
        if (_klynge_membership_store_member_present (&self->store, i))
          write_member (writer, self, i);
      KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "  </members>\n");
    }
  if (self->organisations->len > 0)
    {
      KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "  <organisations>\n");
      for (guint i = 0; i < self->organisations->len && writer->out.error == NULL; i++)
        write_organisation (writer, self, g_ptr_array_index (self->organisations, i));
      KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "  </organisations>\n");
    }
  write_section (writer, "contracts", self->contracts, write_contract);
  write_section (writer, "mergers", self->mergers, write_merger);
  write_section (writer, "initiatives", self->initiatives, write_initiative);
  KLYNGE_OUTPUT_PUT_LITERAL (&writer->out, "</landscape>\n");
}

/* --- bytes and streams -------------------------------------------------- */

/**
 * klynge_landscape_save_bytes:
 * @self: a landscape
 * @error: return location for a #GError
 *
 * Writes the landscape as a canonical document in memory.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error
 *   set
 */
GBytes *
klynge_landscape_save_bytes (KlyngeLandscape  *self,
                             GError          **error)
{
  GByteArray *array;
  Writer writer = { { 0, }, };

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  array = g_byte_array_new ();
  _klynge_output_init_bytes (&writer.out, array);
  write_landscape (&writer, self);
  if (!_klynge_output_finish (&writer.out, error))
    {
      g_byte_array_unref (array);
      return NULL;
    }
  return g_byte_array_free_to_bytes (array);
}

/**
 * klynge_landscape_save_stream:
 * @self: a landscape
 * @stream: where to write the document
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the landscape as a canonical document to @stream, which is left
 * open. On failure part of the document may have been written; use
 * klynge_landscape_save_file() for an all-or-nothing save.
 *
 * Returns: %TRUE on success
 */
gboolean
klynge_landscape_save_stream (KlyngeLandscape  *self,
                              GOutputStream    *stream,
                              GCancellable     *cancellable,
                              GError          **error)
{
  Writer writer = { { 0, }, };

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  _klynge_output_init_stream (&writer.out, stream, cancellable);
  write_landscape (&writer, self);
  return _klynge_output_finish (&writer.out, error);
}

/* --- atomic file save -------------------------------------------------- */

static KlyngeWriterHooks hooks;

void
_klynge_xml_writer_set_hooks (const KlyngeWriterHooks *new_hooks)
{
  if (new_hooks != NULL)
    hooks = *new_hooks;
  else
    memset (&hooks, 0, sizeof hooks);
}

static gssize
do_write (int         fd,
          const void *buf,
          gsize       count)
{
  return hooks.write != NULL ? hooks.write (fd, buf, count) : write (fd, buf, count);
}

/* Writes all of @data; 0, or the errno of the failure. A write that
 * direct I/O refuses after all (EINVAL: an alignment the file system
 * wants bigger, or a short write that left the offset unaligned) is
 * retried through the page cache, and the file stays there. */
static int
write_all (int          fd,
           const char  *data,
           gsize        length,
           gboolean    *direct)
{
  while (length > 0)
    {
      gssize n = do_write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0 && errno == EINVAL && *direct)
        {
          int flags = fcntl (fd, F_GETFL);

          if (flags < 0 || fcntl (fd, F_SETFL, flags & ~O_DIRECT) != 0)
            return EINVAL;
          *direct = FALSE;
          continue;
        }
      if (n <= 0)
        return n < 0 ? errno : ENOSPC;
      data += n;
      length -= (gsize) n;
    }
  return 0;
}

/* A large file goes to the disk with direct I/O, from a thread of its
 * own. Through the page cache, the kernel's copy of every byte took a
 * third of a 2.7 GB save, and the final fsync() then waited while the
 * dirty pages trickled out at a fraction of what the disk takes from
 * large direct writes; a save also need not push gigabytes of other
 * files out of the cache. The first DIRECT_FROM bytes (all of most files)
 * are written as usual, and where the file system refuses direct I/O the
 * whole file is. Once direct, the output's buffer is itself the block
 * that goes to the disk: the writer fills a block, hands it to the
 * thread and carries on in the next. */
#define DIRECT_FROM (32 * 1024 * 1024)
#define DIRECT_BLOCK_SIZE (4 * 1024 * 1024)
#define DIRECT_BLOCKS 4
#define DIRECT_ALIGN 4096

typedef struct {
  char *data;            /* DIRECT_ALIGN-aligned, block_size bytes */
  gsize length;          /* 0 only in the block that stops the thread */
} DirectBlock;

typedef struct {
  int fd;
  const char *path;
  goffset written;       /* bytes handed on so far */
  goffset flushing;      /* bytes whose writing-back has been started */

  gsize direct_from;     /* DIRECT_FROM but in tests */
  gsize block_size;      /* DIRECT_BLOCK_SIZE but in tests */
  gboolean direct_tried;
  GThread *thread;       /* set while blocks go to the disk directly */
  GAsyncQueue *full;     /* DirectBlock *, in file order, for the thread */
  GAsyncQueue *empty;    /* DirectBlock *, written, for the writer */
  DirectBlock blocks[DIRECT_BLOCKS];
  DirectBlock stop;
  DirectBlock *current;  /* the output's buffer */
  char *plain_buffer;    /* the output's own, while it writes into blocks */
  gboolean direct;       /* the thread's: O_DIRECT still set */
  int failure;           /* the thread's first errno, atomic */
} FileTarget;

static void
set_write_error (FileTarget  *target,
                 int          failure,
                 GError     **error)
{
  _klynge_set_error_at (error, KLYNGE_ERROR_IO, target->path, 0, 0,
                        "cannot write: %s", g_strerror (failure));
}

static gpointer
direct_thread (gpointer data)
{
  FileTarget *target = data;
  DirectBlock *block;

  while ((block = g_async_queue_pop (target->full))->length > 0)
    {
      /* after a failure, blocks only go round until the writer sees it */
      if (g_atomic_int_get (&target->failure) == 0)
        {
          int failure = write_all (target->fd, block->data, block->length, &target->direct);

          if (failure != 0)
            g_atomic_int_set (&target->failure, failure);
        }
      g_async_queue_push (target->empty, block);
    }
  return NULL;
}

/* Hands the whole blocks of the output's buffer to the thread and goes on
 * in an empty block, with the few bytes past the last whole block (only
 * at the end of the document: the output flushes full buffers). */
static gboolean
flush_direct (KlyngeOutput  *output,
              GError       **error)
{
  FileTarget *target = output->target;
  DirectBlock *block = target->current;
  gsize whole = output->length & ~(gsize) (DIRECT_ALIGN - 1);
  gsize rest = output->length - whole;
  DirectBlock *next;
  int failure;

  if (whole == 0)
    return TRUE;
  next = g_async_queue_pop (target->empty);
  memcpy (next->data, block->data + whole, rest);
  block->length = whole;
  g_async_queue_push (target->full, block);
  target->current = next;
  target->written += whole;
  output->buffer = next->data;
  output->length = rest;
  if ((failure = g_atomic_int_get (&target->failure)) != 0)
    {
      set_write_error (target, failure, error);
      return FALSE;
    }
  return TRUE;
}

/* Whether the file's file system takes direct I/O in DIRECT_ALIGN units:
 * offsets and lengths are multiples of it, buffers aligned to it. Linux
 * 6.1 and later say so through statx(); where nothing says, the fcntl()
 * that sets O_DIRECT and then the first write (EINVAL, see write_all())
 * decide. */
static gboolean
direct_io_fits (int fd)
{
#if HAVE_DIRECT_IO && defined (STATX_DIOALIGN)
  struct statx stx;

  if (statx (fd, "", AT_EMPTY_PATH, STATX_DIOALIGN, &stx) == 0
      && (stx.stx_mask & STATX_DIOALIGN) != 0)
    return stx.stx_dio_offset_align != 0   /* no direct I/O here at all */
      && DIRECT_ALIGN % stx.stx_dio_offset_align == 0
      && DIRECT_ALIGN % stx.stx_dio_mem_align == 0;
#endif
  return HAVE_DIRECT_IO;
}

/* At an aligned offset, with @length (less than DIRECT_ALIGN) bytes of
 * @data still to write: switches the file to direct I/O, starts the
 * thread and puts @data in the first block, or leaves the file as it is
 * when the platform or the file system cannot. */
static gboolean
start_direct (KlyngeOutput *output,
              const char   *data,
              gsize         length)
{
  FileTarget *target = output->target;
  int flags;

  target->direct_tried = TRUE;
  if (hooks.buffered_only || !direct_io_fits (target->fd))
    return FALSE;
  flags = fcntl (target->fd, F_GETFL);
  if (flags < 0 || fcntl (target->fd, F_SETFL, flags | O_DIRECT) != 0)
    return FALSE;
  target->direct = TRUE;
  target->full = g_async_queue_new ();
  target->empty = g_async_queue_new ();
  for (guint i = 0; i < DIRECT_BLOCKS; i++)
    {
      target->blocks[i].data = g_aligned_alloc (1, target->block_size, DIRECT_ALIGN);
      target->blocks[i].length = 0;
      if (i > 0)
        g_async_queue_push (target->empty, &target->blocks[i]);
    }
  target->current = &target->blocks[0];
  memcpy (target->current->data, data, length);
  target->plain_buffer = output->buffer;
  output->buffer = target->current->data;
  output->length = length;
  output->capacity = target->block_size;
  output->flush = flush_direct;
  target->thread = g_thread_new ("klynge-save", direct_thread, target);
  return TRUE;
}

/* Ends direct I/O: the whole blocks still in the output go to the thread,
 * the thread stops, and what is left (less than a block, rarely aligned)
 * is written through the page cache. The output gets its own buffer back.
 * Every save that started the thread ends here; after an error, nothing
 * more is written. */
static void
stop_direct (KlyngeOutput *output)
{
  FileTarget *target = output->target;
  DirectBlock *tail;
  int failure;

  if (target->thread == NULL)
    return;
  if (output->error == NULL)
    (void) flush_direct (output, &output->error);
  tail = target->current;
  g_async_queue_push (target->full, &target->stop);
  g_thread_join (target->thread);
  target->thread = NULL;

  failure = target->failure;
  if (output->error == NULL && failure == 0 && output->length > 0)
    {
      gboolean direct = FALSE;
      int flags = fcntl (target->fd, F_GETFL);

      if (flags < 0 || fcntl (target->fd, F_SETFL, flags & ~O_DIRECT) != 0)
        failure = errno;
      else
        failure = write_all (target->fd, tail->data, output->length, &direct);
      if (failure == 0)
        target->written += output->length;
    }
  if (output->error == NULL && failure != 0)
    set_write_error (target, failure, &output->error);

  output->buffer = target->plain_buffer;
  output->length = 0;
  output->capacity = KLYNGE_OUTPUT_BUFFER_SIZE;
  for (guint i = 0; i < DIRECT_BLOCKS; i++)
    g_aligned_free (target->blocks[i].data);
  g_async_queue_unref (target->full);
  g_async_queue_unref (target->empty);
}

/* Below DIRECT_FROM, or without direct I/O: a large file is handed to the
 * disk as it is written, not all at the final fsync(), so that writing it
 * back overlaps writing it. */
#define WRITE_BACK_EVERY (32 * 1024 * 1024)

static gboolean
write_buffered (FileTarget  *target,
                const char  *data,
                gsize        length,
                GError     **error)
{
  gboolean direct = FALSE;
  int failure = write_all (target->fd, data, length, &direct);

  if (failure != 0)
    {
      set_write_error (target, failure, error);
      return FALSE;
    }
  target->written += length;
#if defined (SYNC_FILE_RANGE_WRITE)
  if (target->written - target->flushing >= WRITE_BACK_EVERY)
    {
      /* only a start: errors show at the fsync() */
      (void) sync_file_range (target->fd, target->flushing, target->written - target->flushing,
                              SYNC_FILE_RANGE_WRITE);
      target->flushing = target->written;
    }
#endif
  return TRUE;
}

static gboolean
flush_to_fd (KlyngeOutput  *output,
             GError       **error)
{
  FileTarget *target = output->target;
  const char *data = output->buffer;
  gsize length = output->length;

  if (!target->direct_tried && (guint64) target->written + length >= target->direct_from)
    {
      /* as usual up to the last aligned offset; the few bytes past it
       * begin the first block */
      gsize keep = (gsize) (target->written + length) & (DIRECT_ALIGN - 1);

      if (!write_buffered (target, data, length - keep, error))
        return FALSE;
      if (start_direct (output, data + length - keep, keep))
        return TRUE;
      data += length - keep;
      length = keep;
    }
  if (!write_buffered (target, data, length, error))
    return FALSE;
  output->length = 0;
  return TRUE;
}

/* The file a save to @path should replace: @path with its symbolic links
 * followed, so that saving through a link updates the file it names and
 * keeps the link. A link to nothing yet gives the path it names. Returns
 * %NULL with errno set (ELOOP for too many links). */
static char *
resolve_save_target (const char *path)
{
  g_autofree char *current = g_strdup (path);

  for (guint hops = 0; hops < 40; hops++)
    {
      GStatBuf st;
      g_autofree char *link = NULL;
      g_autofree char *dir = NULL;

      if (g_lstat (current, &st) != 0)
        return errno == ENOENT ? g_steal_pointer (&current) : NULL;
      if (!S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);
      link = g_file_read_link (current, NULL);
      if (link == NULL)
        return NULL;
      if (g_path_is_absolute (link))
        {
          g_free (current);
          current = g_steal_pointer (&link);
          continue;
        }
      dir = g_path_get_dirname (current);
      g_free (current);
      current = g_build_filename (dir, link, NULL);
    }
  errno = ELOOP;
  return NULL;
}

/**
 * klynge_landscape_save_file:
 * @self: a landscape
 * @path: (type filename): where to save
 * @error: return location for a #GError
 *
 * Saves the landscape as a canonical document. The document is written to
 * a temporary file in the same directory, flushed to disk and renamed over
 * @path, so @path is at every moment either the old file or the whole new
 * one. An existing file keeps its permissions. A symbolic link is
 * followed: the file it names is replaced and the link kept. A @path that
 * names anything but a regular file (a device such as `/dev/null`, a FIFO,
 * a directory) is refused with %KLYNGE_ERROR_IO and left as it is; write
 * to such a target with klynge_landscape_save_stream(). A document of more than
 * 32 MiB is written with direct I/O where the platform and the file
 * system allow it, from a second thread: saving gigabytes then neither
 * waits for the page cache to drain nor pushes other files out of it.
 * Elsewhere it goes through the page cache; the file is the same. Failures are
 * %KLYNGE_ERROR_IO (or %KLYNGE_ERROR_ENCODING for a value XML cannot
 * carry), naming the file.
 *
 * Returns: %TRUE on success
 */
gboolean
klynge_landscape_save_file (KlyngeLandscape  *self,
                            const char       *path,
                            GError          **error)
{
  g_autofree char *resolved = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  gboolean have_old = FALSE;
  FileTarget target = { 0, };
  Writer writer = { { 0, }, };
  GStatBuf st;
  gboolean ok;
  int saved;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* the rename must land on the final target, and must not turn a device
   * or FIFO into a regular file */
  resolved = resolve_save_target (path);
  if (resolved == NULL)
    {
      saved = errno;
      _klynge_set_error_at (error, KLYNGE_ERROR_IO, path, 0, 0,
                            "cannot resolve the path: %s", g_strerror (saved));
      return FALSE;
    }
  if (g_stat (resolved, &st) == 0)
    {
      if (!S_ISREG (st.st_mode))
        {
          _klynge_set_error_at (error, KLYNGE_ERROR_IO, path, 0, 0,
                                "not a regular file; refusing to replace it");
          return FALSE;
        }
      have_old = TRUE;
    }

  dir = g_path_get_dirname (resolved);
  base = g_path_get_basename (resolved);
  temp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  target.path = path;
  target.direct_from = hooks.direct_from > 0 ? hooks.direct_from : DIRECT_FROM;
  /* a whole number of aligned units, or the output could never flush */
  target.block_size = hooks.direct_block_size > 0
    ? (hooks.direct_block_size + DIRECT_ALIGN - 1) & ~(gsize) (DIRECT_ALIGN - 1)
    : DIRECT_BLOCK_SIZE;
  target.fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0666);
  if (target.fd < 0)
    {
      saved = errno;
      _klynge_set_error_at (error, KLYNGE_ERROR_IO, path, 0, 0,
                            "cannot create a file beside it: %s", g_strerror (saved));
      return FALSE;
    }
  if (have_old)
    (void) fchmod (target.fd, st.st_mode & 07777);

  _klynge_output_init (&writer.out, flush_to_fd, &target, NULL);
  write_landscape (&writer, self);
  stop_direct (&writer.out);
  ok = _klynge_output_finish (&writer.out, error);

  if (ok && (hooks.fsync != NULL ? hooks.fsync (target.fd) : fsync (target.fd)) != 0)
    {
      saved = errno;
      _klynge_set_error_at (error, KLYNGE_ERROR_IO, path, 0, 0,
                            "cannot flush to disk: %s", g_strerror (saved));
      ok = FALSE;
    }
  if (close (target.fd) != 0 && ok)
    {
      saved = errno;
      _klynge_set_error_at (error, KLYNGE_ERROR_IO, path, 0, 0,
                            "cannot close: %s", g_strerror (saved));
      ok = FALSE;
    }
  if (ok && (hooks.rename != NULL ? hooks.rename (temp, resolved) : g_rename (temp, resolved)) != 0)
    {
      saved = errno;
      _klynge_set_error_at (error, KLYNGE_ERROR_IO, path, 0, 0,
                            "cannot replace the file: %s", g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    {
      g_unlink (temp);
      return FALSE;
    }

  /* make the rename itself durable */
  {
    int dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir_fd >= 0)
      {
        (void) fsync (dir_fd);
        close (dir_fd);
      }
  }
  return TRUE;
}
