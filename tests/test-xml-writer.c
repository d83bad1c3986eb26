/* test-xml-writer.c: canonical output, golden round trips, atomic saves
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * KLYNGE_TEST_REGENERATE_OUTPUT=1 rewrites tests/data/roundtrip/out from
 * the inputs; review the diff before committing it.
 */
/* O_DIRECT */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef O_DIRECT
#define O_DIRECT 0
#endif

#include <glib/gstdio.h>

#include "klynge-test.h"
#include "klynge-output-private.h"
#include "klynge-test-faults.h"
#include "klynge-xml-private.h"

static GPtrArray *
roundtrip_inputs (void)
{
  g_autofree char *dir_path = klynge_test_path ("tests/data/roundtrip/in");
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  ck_assert_ptr_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".xml"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  ck_assert_uint_gt (names->len, 0);
  return names;
}

static GBytes *
save_to_bytes (KlyngeLandscape *landscape)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = klynge_landscape_save_bytes (landscape, &error);

  ck_assert_no_error (error);
  return bytes;
}

static void
assert_bytes_equal_file (GBytes     *bytes,
                         const char *path)
{
  g_autofree char *expected = NULL;
  gsize expected_length;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  ck_assert_msg (g_file_get_contents (path, &expected, &expected_length, NULL), "cannot read %s", path);
  if (length != expected_length || memcmp (data, expected, length) != 0)
    ck_abort_msg ("output differs from %s:\n--- got ---\n%.*s", path, (int) length, data);
}

START_TEST (test_writer_saves_each_roundtrip_input_as_its_golden_output)
{
  g_autoptr(GPtrArray) names = roundtrip_inputs ();
  gboolean regenerate = g_getenv ("KLYNGE_TEST_REGENERATE_OUTPUT") != NULL;

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *in_rel = g_build_filename ("tests/data/roundtrip/in", g_ptr_array_index (names, i), NULL);
      g_autofree char *out_rel = g_build_filename ("tests/data/roundtrip/out", g_ptr_array_index (names, i), NULL);
      g_autofree char *in = klynge_test_path (in_rel);
      g_autofree char *out = klynge_test_path (out_rel);
      g_autoptr(GError) error = NULL;
      g_autoptr(KlyngeLandscape) landscape = klynge_landscape_load_file (in, &error);
      g_autoptr(GBytes) bytes = NULL;

      ck_assert_msg (landscape != NULL, "%s: %s", in, error ? error->message : "");
      bytes = save_to_bytes (landscape);
      if (regenerate)
        ck_assert (g_file_set_contents (out, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), NULL));
      assert_bytes_equal_file (bytes, out);
    }
}
END_TEST

START_TEST (test_writer_reproduces_every_golden_output_byte_for_byte)
{
  g_autoptr(GPtrArray) names = roundtrip_inputs ();

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *out_rel = g_build_filename ("tests/data/roundtrip/out", g_ptr_array_index (names, i), NULL);
      g_autofree char *out = klynge_test_path (out_rel);
      g_autoptr(GError) error = NULL;
      g_autoptr(KlyngeLandscape) landscape = klynge_landscape_load_file (out, &error);
      g_autoptr(GBytes) bytes = NULL;

      ck_assert_msg (landscape != NULL, "%s: %s", out, error ? error->message : "");
      bytes = save_to_bytes (landscape);
      assert_bytes_equal_file (bytes, out);
    }
}
END_TEST

START_TEST (test_writer_output_of_every_valid_fixture_loads_back_to_the_same_bytes)
{
  g_autofree char *dir_path = klynge_test_path ("tests/data/valid");
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(KlyngeLandscape) first = klynge_landscape_load_file (path, &error);
      g_autoptr(KlyngeLandscape) second = NULL;
      g_autoptr(GBytes) once = NULL;
      g_autoptr(GBytes) twice = NULL;

      ck_assert_msg (first != NULL, "%s: %s", path, error ? error->message : "");
      once = save_to_bytes (first);
      second = klynge_landscape_load_bytes (once, name, NULL, &error);
      ck_assert_msg (second != NULL, "%s saved, reloaded: %s", name, error ? error->message : "");
      twice = save_to_bytes (second);
      ck_assert_msg (g_bytes_equal (once, twice), "%s: the saved form is not a fixed point", name);
    }
}
END_TEST

START_TEST (test_writer_writes_an_empty_landscape_as_one_element)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new ();
  g_autoptr(GBytes) bytes = save_to_bytes (landscape);
  const char expected[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<landscape xmlns=\"urn:klynge:landscape:1\" version=\"1\"/>\n";

  ck_assert_uint_eq (g_bytes_get_size (bytes), sizeof expected - 1);
  ck_assert (memcmp (g_bytes_get_data (bytes, NULL), expected, sizeof expected - 1) == 0);
}
END_TEST

/* member-list is written back exactly when the document stated it, in a
 * version 2 document; a document that never does (every version 1 file)
 * keeps its bytes, version="1" included. */
static const struct {
  const char *version;
  const char *attribute;      /* as written in the document */
  KlyngeMemberList member_list;
  gboolean stated;
} member_lists[] = {
  { "1", "", KLYNGE_MEMBER_LIST_UNKNOWN, FALSE },
  { "2", " member-list=\"unknown\"", KLYNGE_MEMBER_LIST_UNKNOWN, TRUE },
  { "2", " member-list=\"partial\"", KLYNGE_MEMBER_LIST_PARTIAL, TRUE },
  { "2", " member-list=\"complete\"", KLYNGE_MEMBER_LIST_COMPLETE, TRUE },
};

static char *
member_list_document (const char *version,
                      const char *attribute)
{
  return g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<landscape xmlns=\"urn:klynge:landscape:1\" version=\"%s\">\n"
                          "  <organisations>\n"
                          "    <organisation id=\"a\" kind=\"cluster\" founded=\"2014\" cvr=\"24256790\"%s>\n"
                          "      <name>Klynge A</name>\n"
                          "    </organisation>\n"
                          "  </organisations>\n"
                          "</landscape>\n", version, attribute);
}

START_TEST (test_writer_writes_member_list_back_byte_for_byte_only_when_stated)
{
  g_autofree char *text = member_list_document (member_lists[_i].version, member_lists[_i].attribute);
  g_autoptr(GBytes) input = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_load_bytes (input, "member-list.xml", NULL, &error);
  g_autoptr(GBytes) output = NULL;
  KlyngeOrganisation *organisation;

  ck_assert_no_error (error);
  organisation = KLYNGE_ORGANISATION (klynge_landscape_lookup (landscape, "a"));
  ck_assert_int_eq (klynge_organisation_get_member_list (organisation), member_lists[_i].member_list);
  ck_assert_int_eq (klynge_organisation_is_member_list_stated (organisation), member_lists[_i].stated);

  output = save_to_bytes (landscape);
  ck_assert_uint_eq (g_bytes_get_size (output), strlen (text));
  ck_assert_msg (memcmp (g_bytes_get_data (output, NULL), text, strlen (text)) == 0,
                 "got:\n%.*s", (int) g_bytes_get_size (output), (const char *) g_bytes_get_data (output, NULL));
}
END_TEST

START_TEST (test_writer_writes_version_2_only_while_a_member_list_is_stated)
{
  g_autofree char *text = member_list_document ("1", "");
  g_autoptr(GBytes) input = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_load_bytes (input, "member-list.xml", NULL, &error);
  KlyngeOrganisation *organisation;
  g_autoptr(GBytes) stated = NULL, unset = NULL;

  ck_assert_no_error (error);
  organisation = KLYNGE_ORGANISATION (klynge_landscape_lookup (landscape, "a"));
  klynge_organisation_set_member_list (organisation, KLYNGE_MEMBER_LIST_UNKNOWN);
  stated = save_to_bytes (landscape);
  ck_assert (strstr (g_bytes_get_data (stated, NULL), "version=\"2\"") != NULL);
  ck_assert (strstr (g_bytes_get_data (stated, NULL), " member-list=\"unknown\">") != NULL);
  klynge_organisation_unset_member_list (organisation);
  unset = save_to_bytes (landscape);
  ck_assert_uint_eq (g_bytes_get_size (unset), strlen (text));
  ck_assert (memcmp (g_bytes_get_data (unset, NULL), text, strlen (text)) == 0);
}
END_TEST

/* Each value of format version 2 a merger can take, and one of version 1
 * for contrast. */
static const struct {
  KlyngeMergerKind kind;
  KlyngeMergerStatus status;
  const char *version;
} merger_values[] = {
  { KLYNGE_MERGER_KIND_TRANSFER, KLYNGE_MERGER_STATUS_AGREED, "2" },
  { KLYNGE_MERGER_KIND_RENAME, KLYNGE_MERGER_STATUS_AGREED, "2" },
  { KLYNGE_MERGER_KIND_ABSORPTION, KLYNGE_MERGER_STATUS_CANCELLED, "2" },
  { KLYNGE_MERGER_KIND_ABSORPTION, KLYNGE_MERGER_STATUS_PROPOSED, "1" },
};

START_TEST (test_writer_writes_version_2_only_while_a_merger_uses_a_version_2_value)
{
  g_autofree char *path = klynge_test_path ("tests/data/valid/mergers.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_load_file (path, &error);
  g_autoptr(GBytes) original = NULL, changed = NULL, restored = NULL;
  g_autofree char *version = g_strdup_printf ("version=\"%s\"", merger_values[_i].version);
  KlyngeMerger *merger;

  ck_assert_no_error (error);
  original = save_to_bytes (landscape);
  merger = KLYNGE_MERGER (klynge_landscape_lookup (landscape, "mg-absorb"));
  klynge_merger_set_kind (merger, merger_values[_i].kind);
  klynge_merger_set_status (merger, merger_values[_i].status);
  changed = save_to_bytes (landscape);
  ck_assert_msg (strstr (g_bytes_get_data (changed, NULL), version) != NULL, "%s", version);

  klynge_merger_set_kind (merger, KLYNGE_MERGER_KIND_ABSORPTION);
  klynge_merger_set_status (merger, KLYNGE_MERGER_STATUS_AGREED);
  restored = save_to_bytes (landscape);
  ck_assert (g_bytes_equal (original, restored));
}
END_TEST

START_TEST (test_writer_output_of_an_api_built_landscape_loads_back)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new ();
  g_autoptr(KlyngeOrganisation) org = klynge_organisation_new ("a", KLYNGE_ORGANISATION_KIND_CLUSTER, "Klynge A & B <C>");
  g_autoptr(KlyngeMember) member = klynge_member_new ("m-1", KLYNGE_MEMBER_KIND_COMPANY, "Eksempel \"ApS\"");
  g_autoptr(KlyngeFundingSource) source = klynge_funding_source_new ("es", KLYNGE_FUNDING_SOURCE_KIND_NATIONAL_AGENCY, "Erhvervsstyrelsen");
  g_autoptr(KlyngeContract) contract = NULL;
  g_autoptr(KlyngeShare) share = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(KlyngeLandscape) again = NULL;
  g_autoptr(GBytes) bytes_again = NULL;
  KlyngeDate since;
  KlyngePeriod period;

  ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (source), &error));
  ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (member), &error));
  ck_assert (klynge_record_set_note (KLYNGE_RECORD (org), "linje 1\nlinje 2\ttab", &error));
  ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (org), &error));
  ck_assert (klynge_date_parse ("2019-10", &since, &error));
  ck_assert (klynge_landscape_add_membership (landscape, "a", "m-1", &since, NULL, &error));
  ck_assert (klynge_period_init (&period, &since, &since, &error));
  contract = klynge_contract_new ("c", "a", &period, 150);
  share = klynge_share_new ("es", 10000, &error);
  ck_assert (klynge_contract_add_share (contract, share, &error));
  ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (contract), &error));
  ck_assert_no_error (error);

  bytes = save_to_bytes (landscape);
  again = klynge_landscape_load_bytes (bytes, "api.xml", NULL, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (klynge_organisation_get_name (KLYNGE_ORGANISATION (klynge_landscape_lookup (again, "a"))),
                    "Klynge A & B <C>");
  ck_assert_str_eq (klynge_record_get_note (klynge_landscape_lookup (again, "a")), "linje 1\nlinje 2\ttab");
  ck_assert_int_eq (klynge_contract_get_amount (KLYNGE_CONTRACT (klynge_landscape_lookup (again, "c"))), 150);
  bytes_again = save_to_bytes (again);
  ck_assert (g_bytes_equal (bytes, bytes_again));
}
END_TEST

START_TEST (test_writer_saves_to_a_stream_what_it_saves_to_bytes)
{
  g_autofree char *path = klynge_test_path ("tests/data/roundtrip/out/canonical-full.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_load_file (path, &error);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) from_stream = NULL;
  g_autoptr(GBytes) bytes = NULL;

  ck_assert_no_error (error);
  ck_assert (klynge_landscape_save_stream (landscape, stream, NULL, &error));
  ck_assert (g_output_stream_close (stream, NULL, &error));
  from_stream = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  bytes = save_to_bytes (landscape);
  ck_assert (g_bytes_equal (bytes, from_stream));
}
END_TEST

/* --- atomic saves --------------------------------------------------------- */

typedef struct {
  char *dir;
  char *path;
  char *old_contents;
  gsize old_length;
  KlyngeLandscape *landscape;
} SaveFixture;

static SaveFixture save;

/* A landscape whose document is some 800 KB: with small direct-I/O
 * settings in the hooks it takes the path of multi-gigabyte files. The
 * output reaches the file in flushes of a little under 256 KiB, so
 * direct I/O from 200000 bytes on begins after the first flush, at an
 * offset that is not aligned. */
#define TEST_DIRECT_FROM 200000
#define TEST_DIRECT_BLOCK (64 * 1024)
static KlyngeLandscape *
large_landscape (void)
{
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                         "<landscape xmlns=\"" KLYNGE_XML_NAMESPACE "\" version=\"1\">\n"
                                         "  <members>\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  KlyngeLandscape *landscape;

  for (guint i = 0; i < 4000; i++)
    g_string_append_printf (xml, "    <member id=\"m-%u\" kind=\"company\">\n"
                            "      <name>Virksomhed %u ApS</name>\n    </member>\n", i, i);
  g_string_append (xml, "  </members>\n  <organisations>\n");
  for (guint o = 0; o < 4; o++)
    {
      g_string_append_printf (xml, "    <organisation id=\"o-%u\" kind=\"cluster\">\n"
                              "      <name>Klynge %u</name>\n", o, o);
      for (guint i = 0; i < 1000 + 700 * o; i++)
        g_string_append_printf (xml, "      <membership member=\"m-%u\" since=\"20%02u-0%u-1%u\"/>\n",
                                (i * 7 + o) % 4000, 10 + i % 10, 1 + i % 9, i % 10);
      g_string_append (xml, "    </organisation>\n");
    }
  g_string_append (xml, "  </organisations>\n</landscape>\n");
  bytes = g_string_free_to_bytes (g_steal_pointer (&xml));
  landscape = klynge_landscape_load_bytes (bytes, "large.xml", NULL, &error);
  ck_assert_no_error (error);
  return landscape;
}

static void
save_setup (void)
{
  g_autofree char *source = klynge_test_path ("tests/data/roundtrip/out/canonical-full.xml");
  g_autoptr(GError) error = NULL;

  save.dir = g_dir_make_tmp ("klynge-save-XXXXXX", NULL);
  save.path = g_build_filename (save.dir, "landscape.xml", NULL);
  save.old_contents = g_strdup ("<old landscape, must survive/>\n");
  save.old_length = strlen (save.old_contents);
  ck_assert (g_file_set_contents (save.path, save.old_contents, (gssize) save.old_length, NULL));
  save.landscape = klynge_landscape_load_file (source, &error);
  ck_assert_no_error (error);
}

static void
save_teardown (void)
{
  g_autoptr(GDir) dir = g_dir_open (save.dir, 0, NULL);
  const char *name;

  _klynge_file_output_set_hooks (NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (save.dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (save.dir);
  g_clear_object (&save.landscape);
  g_clear_pointer (&save.dir, g_free);
  g_clear_pointer (&save.path, g_free);
  g_clear_pointer (&save.old_contents, g_free);
}

static guint
files_in_save_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (save.dir, 0, NULL);
  guint files = 0;

  while (g_dir_read_name (dir) != NULL)
    files++;
  return files;
}

/* The target holds the old bytes, and no temporary file is left over. */
static void
assert_old_file_untouched (void)
{
  g_autofree char *contents = NULL;
  gsize length;

  ck_assert (g_file_get_contents (save.path, &contents, &length, NULL));
  ck_assert_uint_eq (length, save.old_length);
  ck_assert (memcmp (contents, save.old_contents, length) == 0);
  ck_assert_uint_eq (files_in_save_dir (), 1);
}

static gsize bytes_allowed;

static gssize
write_until_disk_full (int         fd,
                       const void *buf,
                       gsize       count)
{
  gsize n = MIN (count, bytes_allowed);

  if (n == 0)
    {
      errno = ENOSPC;
      return -1;
    }
  bytes_allowed -= n;
  return write (fd, buf, n);
}

START_TEST (test_save_file_replaces_the_file_with_the_canonical_document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = save_to_bytes (save.landscape);
  g_autofree char *contents = NULL;
  gsize length;

  ck_assert (klynge_landscape_save_file (save.landscape, save.path, &error));
  ck_assert_no_error (error);
  ck_assert (g_file_get_contents (save.path, &contents, &length, NULL));
  ck_assert_uint_eq (length, g_bytes_get_size (bytes));
  ck_assert (memcmp (contents, g_bytes_get_data (bytes, NULL), length) == 0);
}
END_TEST

START_TEST (test_save_file_keeps_the_old_file_when_the_disk_fills_up)
{
  static const gsize limits[] = { 0, 1, 100, 1000 };

  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    {
      KlyngeFileOutputHooks hooks = { write_until_disk_full, NULL, NULL };
      g_autoptr(GError) error = NULL;

      bytes_allowed = limits[i];
      _klynge_file_output_set_hooks (&hooks);
      ck_assert (!klynge_landscape_save_file (save.landscape, save.path, &error));
      ck_assert_msg (strstr (error->message, save.path) != NULL, "%s", error->message);
      ck_assert_klynge_error (error, KLYNGE_ERROR_IO);
      assert_old_file_untouched ();
    }
}
END_TEST

START_TEST (test_save_file_keeps_the_old_file_when_fsync_fails)
{
  KlyngeFileOutputHooks hooks = { NULL, klynge_test_fsync_failing, NULL };
  g_autoptr(GError) error = NULL;

  _klynge_file_output_set_hooks (&hooks);
  ck_assert (!klynge_landscape_save_file (save.landscape, save.path, &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_IO);
  assert_old_file_untouched ();
}
END_TEST

START_TEST (test_save_file_keeps_the_old_file_when_rename_fails)
{
  KlyngeFileOutputHooks hooks = { NULL, NULL, klynge_test_rename_failing };
  g_autoptr(GError) error = NULL;

  _klynge_file_output_set_hooks (&hooks);
  ck_assert (!klynge_landscape_save_file (save.landscape, save.path, &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_IO);
  assert_old_file_untouched ();
}
END_TEST

/* What the hooks below saw. */
static guint direct_writes;
static guint refused_writes;

static gboolean
fd_is_direct (int fd)
{
  int flags = fcntl (fd, F_GETFL);

  return flags >= 0 && (flags & O_DIRECT) != 0;
}

static gssize
write_counting_direct (int         fd,
                       const void *buf,
                       gsize       count)
{
  if (fd_is_direct (fd))
    direct_writes++;
  return write (fd, buf, count);
}

/* A file system that takes O_DIRECT at open but not at write. */
static gssize
write_refusing_direct (int         fd,
                       const void *buf,
                       gsize       count)
{
  if (fd_is_direct (fd))
    {
      refused_writes++;
      errno = EINVAL;
      return -1;
    }
  return write (fd, buf, count);
}

/* Whether @dir takes direct I/O at all (tmpfs before Linux 6.6 does not,
 * nor does a platform without O_DIRECT, and the save then writes as
 * usual). */
static gboolean
takes_direct_io (const char *dir)
{
  g_autofree char *probe = g_build_filename (dir, "probe", NULL);
  int fd;

  if (O_DIRECT == 0)
    return FALSE;
  fd = open (probe, O_WRONLY | O_CREAT | O_DIRECT | O_CLOEXEC, 0600);
  if (fd < 0)
    return FALSE;
  close (fd);
  g_unlink (probe);
  return TRUE;
}

static gboolean
directory_takes_direct_io (void)
{
  return takes_direct_io (save.dir);
}

START_TEST (test_save_file_writes_a_large_file_directly_and_whole)
{
  g_autoptr(KlyngeLandscape) landscape = large_landscape ();
  g_autoptr(GBytes) bytes = save_to_bytes (landscape);
  g_autoptr(GError) error = NULL;
  KlyngeFileOutputHooks hooks = { write_counting_direct, NULL, NULL, TEST_DIRECT_FROM, TEST_DIRECT_BLOCK };

  ck_assert_uint_gt (g_bytes_get_size (bytes), TEST_DIRECT_FROM + 6 * TEST_DIRECT_BLOCK);
  direct_writes = 0;
  _klynge_file_output_set_hooks (&hooks);
  ck_assert (klynge_landscape_save_file (landscape, save.path, &error));
  ck_assert_no_error (error);
  klynge_test_assert_file_holds (save.path, bytes);
  if (directory_takes_direct_io ())
    ck_assert_uint_ge (direct_writes, (g_bytes_get_size (bytes) - KLYNGE_OUTPUT_BUFFER_SIZE) / TEST_DIRECT_BLOCK);
  else
    ck_assert_uint_eq (direct_writes, 0);
}
END_TEST

/* A block size that is not a whole number of 4096-byte units would leave
 * a full buffer that can never be flushed: it is rounded up. */
START_TEST (test_save_file_rounds_an_odd_block_size_up_and_writes_the_whole_file)
{
  g_autoptr(KlyngeLandscape) landscape = large_landscape ();
  g_autoptr(GBytes) bytes = save_to_bytes (landscape);
  g_autoptr(GError) error = NULL;
  KlyngeFileOutputHooks hooks = { NULL, NULL, NULL, TEST_DIRECT_FROM, 1000 };

  _klynge_file_output_set_hooks (&hooks);
  ck_assert (klynge_landscape_save_file (landscape, save.path, &error));
  ck_assert_no_error (error);
  klynge_test_assert_file_holds (save.path, bytes);
}
END_TEST

START_TEST (test_save_file_keeps_the_old_file_when_the_disk_fills_up_during_direct_writes)
{
  g_autoptr(KlyngeLandscape) landscape = large_landscape ();
  g_autoptr(GBytes) bytes = save_to_bytes (landscape);
  /* before the switch, up to the block boundary, in the first direct
   * block, blocks later, in the tail written at the end */
  const gsize limits[] = { 100000, 258000, 300000, 500000, g_bytes_get_size (bytes) - 100 };

  ck_assert_uint_gt (g_bytes_get_size (bytes), TEST_DIRECT_FROM + 6 * TEST_DIRECT_BLOCK);
  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    {
      KlyngeFileOutputHooks hooks = { write_until_disk_full, NULL, NULL, TEST_DIRECT_FROM, TEST_DIRECT_BLOCK };
      g_autoptr(GError) error = NULL;

      bytes_allowed = limits[i];
      _klynge_file_output_set_hooks (&hooks);
      ck_assert (!klynge_landscape_save_file (landscape, save.path, &error));
      ck_assert_msg (strstr (error->message, save.path) != NULL, "%s", error->message);
      ck_assert_msg (strstr (error->message, g_strerror (ENOSPC)) != NULL, "%s", error->message);
      ck_assert_klynge_error (error, KLYNGE_ERROR_IO);
      assert_old_file_untouched ();
    }
}
END_TEST

START_TEST (test_save_file_writes_through_the_cache_when_direct_writes_are_refused)
{
  g_autoptr(KlyngeLandscape) landscape = large_landscape ();
  g_autoptr(GBytes) bytes = save_to_bytes (landscape);
  g_autoptr(GError) error = NULL;
  KlyngeFileOutputHooks hooks = { write_refusing_direct, NULL, NULL, TEST_DIRECT_FROM, TEST_DIRECT_BLOCK };

  refused_writes = 0;
  _klynge_file_output_set_hooks (&hooks);
  ck_assert (klynge_landscape_save_file (landscape, save.path, &error));
  ck_assert_no_error (error);
  klynge_test_assert_file_holds (save.path, bytes);
  /* refused once, then never asked again */
  ck_assert_uint_eq (refused_writes, directory_takes_direct_io () ? 1 : 0);
}
END_TEST

/* As where the platform or the file system has no direct I/O: the same
 * bytes, all through the page cache, and still atomic. */
START_TEST (test_save_file_without_direct_io_writes_the_same_bytes_through_the_cache)
{
  g_autoptr(KlyngeLandscape) landscape = large_landscape ();
  g_autoptr(GBytes) bytes = save_to_bytes (landscape);
  g_autoptr(GError) error = NULL;
  KlyngeFileOutputHooks hooks = { write_counting_direct, NULL, NULL, TEST_DIRECT_FROM, TEST_DIRECT_BLOCK, TRUE };

  direct_writes = 0;
  _klynge_file_output_set_hooks (&hooks);
  ck_assert (klynge_landscape_save_file (landscape, save.path, &error));
  ck_assert_no_error (error);
  klynge_test_assert_file_holds (save.path, bytes);
  ck_assert_uint_eq (direct_writes, 0);
  /* no temporary file left over */
  ck_assert_uint_eq (files_in_save_dir (), 1);
}
END_TEST

START_TEST (test_save_file_without_direct_io_keeps_the_old_file_when_the_disk_fills_up)
{
  g_autoptr(KlyngeLandscape) landscape = large_landscape ();
  const gsize limits[] = { 100000, 258000, 500000 };

  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    {
      KlyngeFileOutputHooks hooks = { write_until_disk_full, NULL, NULL, TEST_DIRECT_FROM, TEST_DIRECT_BLOCK, TRUE };
      g_autoptr(GError) error = NULL;

      bytes_allowed = limits[i];
      _klynge_file_output_set_hooks (&hooks);
      ck_assert (!klynge_landscape_save_file (landscape, save.path, &error));
      ck_assert_klynge_error (error, KLYNGE_ERROR_IO);
      assert_old_file_untouched ();
    }
}
END_TEST

/* A real file system of another kind: tmpfs, which refuses O_DIRECT
 * before Linux 6.6 and takes it since. Either way, and with direct I/O
 * switched off, the file is the document byte for byte. */
START_TEST (test_save_file_to_tmpfs_writes_the_same_bytes_with_or_without_direct_io)
{
  g_autoptr(KlyngeLandscape) landscape = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (!g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR)
      || (dir = g_mkdtemp (g_strdup ("/dev/shm/klynge-save-XXXXXX"))) == NULL)
    {
      g_printerr ("skipped: no writable /dev/shm\n");
      return;
    }
  landscape = large_landscape ();
  bytes = save_to_bytes (landscape);
  path = g_build_filename (dir, "landscape.xml", NULL);
  for (int buffered_only = 0; buffered_only <= 1; buffered_only++)
    {
      KlyngeFileOutputHooks hooks = { write_counting_direct, NULL, NULL, TEST_DIRECT_FROM, TEST_DIRECT_BLOCK,
                                  buffered_only };
      g_autoptr(GError) error = NULL;
      gboolean saved;

      direct_writes = 0;
      _klynge_file_output_set_hooks (&hooks);
      saved = klynge_landscape_save_file (landscape, path, &error);
      _klynge_file_output_set_hooks (NULL);
      ck_assert_no_error (error);
      ck_assert (saved);
      klynge_test_assert_file_holds (path, bytes);
      if (buffered_only || !takes_direct_io (dir))
        ck_assert_uint_eq (direct_writes, 0);
      else
        ck_assert_uint_gt (direct_writes, 0);
    }
  g_unlink (path);
  ck_assert_int_eq (g_rmdir (dir), 0);
}
END_TEST

START_TEST (test_save_file_reports_a_missing_directory_as_io_error)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (save.dir, "no-such-dir", "x.xml", NULL);

  ck_assert (!klynge_landscape_save_file (save.landscape, path, &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_IO);
  assert_old_file_untouched ();
}
END_TEST

START_TEST (test_save_file_refuses_a_value_xml_cannot_carry_and_keeps_the_old_file)
{
  g_autoptr(GError) error = NULL;
  static const char bad_name[] = "Control \x01 char";

  /* setters refuse such text; the private bulk path does not check, so the
   * writer's own check is what stands between it and the disk */
  _klynge_membership_store_add_member (&save.landscape->store,
                                       &(KlyngeMemberValues) { "m-bad", 5, bad_name, sizeof bad_name - 1,
                                                               0, KLYNGE_MEMBER_KIND_COMPANY,
                                                               KLYNGE_MEMBER_SIZE_UNKNOWN });
  ck_assert (!klynge_landscape_save_file (save.landscape, save.path, &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_ENCODING);
  assert_old_file_untouched ();
}
END_TEST

START_TEST (test_save_file_keeps_the_permissions_of_the_old_file)
{
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  ck_assert_int_eq (g_chmod (save.path, 0640), 0);
  ck_assert (klynge_landscape_save_file (save.landscape, save.path, &error));
  ck_assert_int_eq (g_stat (save.path, &st), 0);
  ck_assert_uint_eq (st.st_mode & 0777, 0640);
}
END_TEST

/* A device or FIFO must not become a regular file by being saved to. */
static void
assert_save_refused_and_kind_kept (const char *path,
                                   mode_t      kind)
{
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  ck_assert (!klynge_landscape_save_file (save.landscape, path, &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_IO);
  ck_assert_int_eq (g_lstat (path, &st), 0);
  ck_assert_uint_eq (st.st_mode & S_IFMT, kind);
}

START_TEST (test_save_file_refuses_a_fifo_and_leaves_it_a_fifo)
{
  g_autofree char *fifo = g_build_filename (save.dir, "fifo", NULL);

  ck_assert_int_eq (mkfifo (fifo, 0600), 0);
  assert_save_refused_and_kind_kept (fifo, S_IFIFO);
  ck_assert_uint_eq (files_in_save_dir (), 2);
}
END_TEST

START_TEST (test_save_file_refuses_dev_null_and_leaves_it_a_device)
{
  g_autofree char *node = g_build_filename (save.dir, "null", NULL);
  GStatBuf st;

  if (g_stat ("/dev/null", &st) != 0 || !S_ISCHR (st.st_mode))
    return;  /* no /dev/null to test with */
  /* as root, a regression would replace the real /dev/null: test a copy of
   * the node instead where one can be made */
  if (geteuid () != 0)
    assert_save_refused_and_kind_kept ("/dev/null", S_IFCHR);
  else if (mknod (node, S_IFCHR | 0600, st.st_rdev) == 0)
    assert_save_refused_and_kind_kept (node, S_IFCHR);
}
END_TEST

START_TEST (test_save_file_refuses_a_directory)
{
  g_autofree char *sub = g_build_filename (save.dir, "sub", NULL);

  ck_assert_int_eq (g_mkdir (sub, 0700), 0);
  assert_save_refused_and_kind_kept (sub, S_IFDIR);
  g_rmdir (sub);
}
END_TEST

START_TEST (test_save_file_through_a_symlink_updates_the_target_and_keeps_the_link)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = save_to_bytes (save.landscape);
  g_autofree char *link = g_build_filename (save.dir, "link.xml", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  GStatBuf st;

  /* a relative link, resolved against the link's own directory */
  ck_assert_int_eq (symlink ("landscape.xml", link), 0);
  ck_assert (klynge_landscape_save_file (save.landscape, link, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (g_lstat (link, &st), 0);
  ck_assert (S_ISLNK (st.st_mode));
  ck_assert (g_file_get_contents (save.path, &contents, &length, NULL));
  ck_assert_uint_eq (length, g_bytes_get_size (bytes));
  ck_assert (memcmp (contents, g_bytes_get_data (bytes, NULL), length) == 0);
  ck_assert_uint_eq (files_in_save_dir (), 2);
}
END_TEST

START_TEST (test_save_file_through_a_dangling_symlink_creates_its_target)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *link = g_build_filename (save.dir, "link.xml", NULL);
  g_autofree char *target = g_build_filename (save.dir, "new.xml", NULL);
  GStatBuf st;

  ck_assert_int_eq (symlink (target, link), 0);
  ck_assert (klynge_landscape_save_file (save.landscape, link, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (g_lstat (link, &st), 0);
  ck_assert (S_ISLNK (st.st_mode));
  ck_assert_int_eq (g_lstat (target, &st), 0);
  ck_assert (S_ISREG (st.st_mode));
}
END_TEST

START_TEST (test_save_file_through_a_symlink_to_a_fifo_is_refused)
{
  g_autofree char *fifo = g_build_filename (save.dir, "fifo", NULL);
  g_autofree char *link = g_build_filename (save.dir, "link", NULL);
  GStatBuf st;

  ck_assert_int_eq (mkfifo (fifo, 0600), 0);
  ck_assert_int_eq (symlink ("fifo", link), 0);
  assert_save_refused_and_kind_kept (link, S_IFLNK);
  ck_assert_int_eq (g_lstat (fifo, &st), 0);
  ck_assert (S_ISFIFO (st.st_mode));
}
END_TEST

/* Names at and near NAME_MAX (255 bytes): `.NAME.XXXXXX` would not fit,
 * so the temporary's name is cut; the save must succeed all the same and
 * leave nothing but the file. */
static const struct {
  const char *unit;   /* repeated to make the name */
  guint repeat;
} long_names[] = {
  { "n", 250 },
  { "n", 255 },
  { "æ", 125 },       /* 250 bytes of two-byte characters */
  { "klynge-", 36 },  /* 252 bytes */
};

START_TEST (test_save_file_saves_a_name_of_up_to_255_bytes)
{
  KlyngeLandscape *landscape = save.landscape;
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *dir = g_dir_make_tmp ("klynge-long-XXXXXX", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) d = NULL;

  for (guint i = 0; i < long_names[_i].repeat; i++)
    g_string_append (name, long_names[_i].unit);
  ck_assert_uint_le (name->len, 255);
  ck_assert_uint_ge (name->len, 250);
  path = g_build_filename (dir, name->str, NULL);

  ck_assert (klynge_landscape_save_file (landscape, path, &error));
  ck_assert_no_error (error);
  /* and once more, over the file it made */
  ck_assert (klynge_landscape_save_file (landscape, path, &error));
  ck_assert_no_error (error);
  expected = klynge_landscape_save_bytes (landscape, NULL);
  klynge_test_assert_file_holds (path, expected);
  d = g_dir_open (dir, 0, NULL);
  ck_assert_str_eq (g_dir_read_name (d), name->str);
  ck_assert_ptr_null (g_dir_read_name (d));

  g_unlink (path);
  ck_assert_int_eq (g_rmdir (dir), 0);
}
END_TEST

/* A killed save of a 255-byte name left a temporary under the cut name
 * (`.` and the first 247 bytes, `.`, six characters); the next save of
 * that name removes it. */
START_TEST (test_save_file_removes_what_a_killed_save_of_a_long_name_left)
{
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new ();
  g_autofree char *dir = g_dir_make_tmp ("klynge-long-XXXXXX", NULL);
  g_autofree char *name = g_strnfill (255, 'n');
  g_autofree char *cut = g_strnfill (247, 'n');
  g_autofree char *leftover_name = g_strdup_printf (".%s.Ab3xYz", cut);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *leftover = g_build_filename (dir, leftover_name, NULL);
  g_autoptr(GError) error = NULL;

  int fd;

  ck_assert_uint_eq (strlen (leftover_name), 255);
  /* not g_file_set_contents(): its own temporary's name would be too long */
  fd = g_open (leftover, O_WRONLY | O_CREAT | O_EXCL, 0644);
  ck_assert_int_ge (fd, 0);
  ck_assert_int_eq (write (fd, "half a document", 15), 15);
  ck_assert_int_eq (close (fd), 0);
  ck_assert (klynge_landscape_save_file (landscape, path, &error));
  ck_assert_no_error (error);
  ck_assert (!g_file_test (leftover, G_FILE_TEST_EXISTS));
  ck_assert (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  g_unlink (path);
  ck_assert_int_eq (g_rmdir (dir), 0);
}
END_TEST

static Suite *
writer_suite (void)
{
  Suite *suite = suite_create ("xml-writer");
  TCase *canonical = tcase_create ("canonical");
  TCase *atomic = tcase_create ("atomic-save");

  tcase_add_test (canonical, test_writer_saves_each_roundtrip_input_as_its_golden_output);
  tcase_add_test (canonical, test_writer_reproduces_every_golden_output_byte_for_byte);
  tcase_add_test (canonical, test_writer_output_of_every_valid_fixture_loads_back_to_the_same_bytes);
  tcase_add_test (canonical, test_writer_writes_an_empty_landscape_as_one_element);
  tcase_add_loop_test (canonical, test_writer_writes_member_list_back_byte_for_byte_only_when_stated,
                       0, G_N_ELEMENTS (member_lists));
  tcase_add_test (canonical, test_writer_writes_version_2_only_while_a_member_list_is_stated);
  tcase_add_loop_test (canonical, test_writer_writes_version_2_only_while_a_merger_uses_a_version_2_value,
                       0, G_N_ELEMENTS (merger_values));
  tcase_add_test (canonical, test_writer_output_of_an_api_built_landscape_loads_back);
  tcase_add_test (canonical, test_writer_saves_to_a_stream_what_it_saves_to_bytes);
  tcase_add_checked_fixture (atomic, save_setup, save_teardown);
  tcase_add_test (atomic, test_save_file_replaces_the_file_with_the_canonical_document);
  tcase_add_test (atomic, test_save_file_keeps_the_old_file_when_the_disk_fills_up);
  tcase_add_test (atomic, test_save_file_keeps_the_old_file_when_fsync_fails);
  tcase_add_test (atomic, test_save_file_keeps_the_old_file_when_rename_fails);
  tcase_add_test (atomic, test_save_file_writes_a_large_file_directly_and_whole);
  tcase_add_test (atomic, test_save_file_rounds_an_odd_block_size_up_and_writes_the_whole_file);
  tcase_add_test (atomic, test_save_file_keeps_the_old_file_when_the_disk_fills_up_during_direct_writes);
  tcase_add_test (atomic, test_save_file_writes_through_the_cache_when_direct_writes_are_refused);
  tcase_add_test (atomic, test_save_file_without_direct_io_writes_the_same_bytes_through_the_cache);
  tcase_add_test (atomic, test_save_file_without_direct_io_keeps_the_old_file_when_the_disk_fills_up);
  tcase_add_test (atomic, test_save_file_to_tmpfs_writes_the_same_bytes_with_or_without_direct_io);
  tcase_add_test (atomic, test_save_file_reports_a_missing_directory_as_io_error);
  tcase_add_test (atomic, test_save_file_refuses_a_value_xml_cannot_carry_and_keeps_the_old_file);
  tcase_add_test (atomic, test_save_file_keeps_the_permissions_of_the_old_file);
  tcase_add_test (atomic, test_save_file_refuses_a_fifo_and_leaves_it_a_fifo);
  tcase_add_test (atomic, test_save_file_refuses_dev_null_and_leaves_it_a_device);
  tcase_add_test (atomic, test_save_file_refuses_a_directory);
  tcase_add_test (atomic, test_save_file_through_a_symlink_updates_the_target_and_keeps_the_link);
  tcase_add_test (atomic, test_save_file_through_a_dangling_symlink_creates_its_target);
  tcase_add_test (atomic, test_save_file_through_a_symlink_to_a_fifo_is_refused);
  tcase_add_loop_test (atomic, test_save_file_saves_a_name_of_up_to_255_bytes, 0, G_N_ELEMENTS (long_names));
  tcase_add_test (atomic, test_save_file_removes_what_a_killed_save_of_a_long_name_left);
  suite_add_tcase (suite, canonical);
  suite_add_tcase (suite, atomic);
  return suite;
}

int
main (void)
{
  return klynge_test_run (writer_suite ());
}
