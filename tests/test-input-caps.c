/* test-input-caps.c: out-of-range inputs are refused by the caps
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A 3 GB file (sparse: it takes no disk) is refused from its size before a
 * byte of it is read; an element with ten million attributes, streamed
 * from a generator so that the document never exists in memory, is
 * refused after its first few dozen attributes. Neither gets anywhere
 * near running out of memory.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#ifdef HAVE_SYS_INOTIFY_H
#include <sys/inotify.h>
#endif

#include <glib/gstdio.h>

#include "klynge-test.h"

#define THREE_GB (G_GUINT64_CONSTANT (3) << 30)

/* --- a sparse 3 GB file ------------------------------------------------ */

typedef struct {
  char *dir;
  char *path;
  int watch_fd;
} HugeFile;

/* A 3 GB file that starts like a landscape and holds nothing after. */
static void
huge_file_init (HugeFile *huge)
{
  static const char start[] = "<landscape xmlns=\"urn:klynge:landscape:1\" version=\"1\">\n";
  int fd;

  huge->dir = g_dir_make_tmp ("klynge-huge-XXXXXX", NULL);
  ck_assert_ptr_nonnull (huge->dir);
  huge->path = g_build_filename (huge->dir, "three-gigabytes.xml", NULL);
  fd = g_open (huge->path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  ck_assert_int_ge (fd, 0);
  ck_assert_int_eq (write (fd, start, sizeof start - 1), (int) (sizeof start - 1));
  ck_assert_msg (ftruncate (fd, (off_t) THREE_GB) == 0, "ftruncate: %s", g_strerror (errno));
  close (fd);

  huge->watch_fd = -1;
#ifdef HAVE_SYS_INOTIFY_H
  huge->watch_fd = inotify_init1 (IN_NONBLOCK | IN_CLOEXEC);
  ck_assert_int_ge (huge->watch_fd, 0);
  ck_assert_int_ge (inotify_add_watch (huge->watch_fd, huge->path, IN_ACCESS), 0);
#endif
}

/* Asserts that nothing has read the file since huge_file_init(). */
static void
huge_file_assert_unread (HugeFile *huge)
{
#ifdef HAVE_SYS_INOTIFY_H
  char events[4096];
  gssize n = read (huge->watch_fd, events, sizeof events);

  ck_assert_msg (n < 0 && errno == EAGAIN, "the loader read from the 3 GB file");
#endif
}

static void
huge_file_clear (HugeFile *huge)
{
  if (huge->watch_fd >= 0)
    close (huge->watch_fd);
  g_unlink (huge->path);
  g_rmdir (huge->dir);
  g_free (huge->path);
  g_free (huge->dir);
}

START_TEST (test_a_3_gb_file_is_refused_by_the_size_cap_before_it_is_read)
{
  HugeFile huge;
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLandscape) landscape = NULL;
  GStatBuf st;

  huge_file_init (&huge);
  ck_assert_int_eq (g_stat (huge.path, &st), 0);
  ck_assert_uint_eq ((guint64) st.st_size, THREE_GB);

  landscape = klynge_landscape_load_file (huge.path, &error);
  ck_assert_ptr_null (landscape);
  ck_assert_ptr_nonnull (error);
  ck_assert_msg (strstr (error->message, "3221225472") != NULL,
                 "the message should give the size: %s", error->message);
  ck_assert_klynge_error (error, KLYNGE_ERROR_LIMIT_EXCEEDED);
  huge_file_assert_unread (&huge);
  huge_file_clear (&huge);
}
END_TEST

START_TEST (test_a_3_gb_file_is_refused_even_when_the_cap_is_just_below_it)
{
  HugeFile huge;
  g_autoptr(KlyngeLoadOptions) options = klynge_load_options_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLandscape) landscape = NULL;

  huge_file_init (&huge);
  klynge_load_options_set_max_input_size (options, THREE_GB - 1);
  landscape = klynge_landscape_load_file_full (huge.path, options, NULL, NULL, NULL, &error);
  ck_assert_ptr_null (landscape);
  ck_assert_klynge_error (error, KLYNGE_ERROR_LIMIT_EXCEEDED);
  huge_file_assert_unread (&huge);
  huge_file_clear (&huge);
}
END_TEST

START_TEST (test_validating_a_3_gb_file_reports_one_limit_problem_without_reading_it)
{
  HugeFile huge;
  g_autoptr(GPtrArray) problems = NULL;

  huge_file_init (&huge);
  problems = klynge_landscape_validate_file (huge.path, NULL);
  ck_assert_uint_eq (problems->len, 1);
  ck_assert_int_eq (klynge_problem_get_code (g_ptr_array_index (problems, 0)),
                    KLYNGE_ERROR_LIMIT_EXCEEDED);
  huge_file_assert_unread (&huge);
  huge_file_clear (&huge);
}
END_TEST

static void
on_huge_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GError **error = user_data;
  KlyngeLandscape *landscape = klynge_landscape_load_file_finish (result, error);

  ck_assert_ptr_null (landscape);
}

START_TEST (test_loading_a_3_gb_file_asynchronously_is_refused_the_same_way)
{
  HugeFile huge;
  GError *error = NULL;

  huge_file_init (&huge);
  klynge_landscape_load_file_async (huge.path, NULL, NULL, NULL, NULL, NULL, on_huge_loaded, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  ck_assert_klynge_error (error, KLYNGE_ERROR_LIMIT_EXCEEDED);
  huge_file_assert_unread (&huge);
  huge_file_clear (&huge);
}
END_TEST

/* --- ten million attributes, generated as they are read ---------------- */

#define GENERATOR_TYPE_STREAM (generator_stream_get_type ())
G_DECLARE_FINAL_TYPE (GeneratorStream, generator_stream, GENERATOR, STREAM, GInputStream)

/* A document produced piece by piece as it is read: a head, @n_items
 * copies of a pattern with a counter, and a tail. It never exists whole. */
struct _GeneratorStream
{
  GInputStream parent_instance;
  const char *head;
  const char *item_format;  /* one %u */
  const char *tail;
  guint64 n_items;

  guint64 next_item;
  GString *pending;
  gsize pending_offset;
  gboolean tail_done;
  guint64 bytes_served;
  gsize largest_read;
};

G_DEFINE_FINAL_TYPE (GeneratorStream, generator_stream, G_TYPE_INPUT_STREAM)

/* the item format is the test's own constant */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static gboolean
generator_refill (GeneratorStream *self)
{
  g_string_truncate (self->pending, 0);
  self->pending_offset = 0;
  if (self->head != NULL)
    {
      g_string_append (self->pending, self->head);
      self->head = NULL;
    }
  while (self->next_item < self->n_items && self->pending->len < 64 * 1024)
    g_string_append_printf (self->pending, self->item_format, (guint) self->next_item++);
  if (self->next_item == self->n_items && !self->tail_done && self->pending->len < 64 * 1024)
    {
      g_string_append (self->pending, self->tail);
      self->tail_done = TRUE;
    }
  return self->pending->len > 0;
}
#pragma GCC diagnostic pop

static gssize
generator_stream_read (GInputStream  *stream,
                       void          *buffer,
                       gsize          count,
                       GCancellable  *cancellable,
                       GError       **error)
{
  GeneratorStream *self = GENERATOR_STREAM (stream);
  gsize n;

  if (self->pending_offset == self->pending->len && !generator_refill (self))
    return 0;
  n = MIN (count, self->pending->len - self->pending_offset);
  memcpy (buffer, self->pending->str + self->pending_offset, n);
  self->pending_offset += n;
  self->bytes_served += n;
  self->largest_read = MAX (self->largest_read, count);
  return (gssize) n;
}

static gboolean
generator_stream_close (GInputStream  *stream,
                        GCancellable  *cancellable,
                        GError       **error)
{
  return TRUE;
}

static void
generator_stream_finalize (GObject *object)
{
  GeneratorStream *self = GENERATOR_STREAM (object);

  g_string_free (self->pending, TRUE);
  G_OBJECT_CLASS (generator_stream_parent_class)->finalize (object);
}

static void
generator_stream_class_init (GeneratorStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = generator_stream_finalize;
  G_INPUT_STREAM_CLASS (klass)->read_fn = generator_stream_read;
  G_INPUT_STREAM_CLASS (klass)->close_fn = generator_stream_close;
}

static void
generator_stream_init (GeneratorStream *self)
{
  self->pending = g_string_new (NULL);
}

static GeneratorStream *
generator_stream_new (const char *head,
                      const char *item_format,
                      guint64     n_items,
                      const char *tail)
{
  GeneratorStream *self = g_object_new (GENERATOR_TYPE_STREAM, NULL);

  self->head = head;
  self->item_format = item_format;
  self->n_items = n_items;
  self->tail = tail;
  return self;
}

#define TEN_MILLION 10000000

START_TEST (test_an_element_with_10_million_attributes_is_refused_after_reading_little)
{
  g_autoptr(GeneratorStream) stream =
    generator_stream_new ("<landscape xmlns=\"urn:klynge:landscape:1\" version=\"1\">"
                          "<members><member id=\"m\" kind=\"company\"",
                          " a%u=\"\"", TEN_MILLION,
                          "><name>x</name></member></members></landscape>");
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLandscape) landscape = NULL;

  landscape = klynge_landscape_load_stream (G_INPUT_STREAM (stream), "ten-million.xml",
                                            NULL, NULL, &error);
  ck_assert_ptr_null (landscape);
  ck_assert_klynge_error (error, KLYNGE_ERROR_LIMIT_EXCEEDED);
  /* the whole document is about 150 MB; the cap stopped it within the
   * first read (one 256 KiB chunk) */
  ck_assert_uint_lt (stream->next_item, TEN_MILLION / 100);
  ck_assert_uint_le (stream->bytes_served, 2 * stream->largest_read);
}
END_TEST

START_TEST (test_10_million_attributes_are_refused_whatever_the_attribute_cap_says_in_time)
{
  /* Even with the attribute cap raised to the maximum, the value-length
   * and size caps bound the work: a 64 KiB document cap stops it. */
  g_autoptr(GeneratorStream) stream =
    generator_stream_new ("<landscape xmlns=\"urn:klynge:landscape:1\" version=\"1\">"
                          "<members><member id=\"m\" kind=\"company\"",
                          " a%u=\"\"", TEN_MILLION,
                          "><name>x</name></member></members></landscape>");
  g_autoptr(KlyngeLoadOptions) options = klynge_load_options_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLandscape) landscape = NULL;

  klynge_load_options_set_max_attributes (options, G_MAXUINT);
  klynge_load_options_set_max_input_size (options, 64 * 1024);
  landscape = klynge_landscape_load_stream (G_INPUT_STREAM (stream), "ten-million.xml",
                                            options, NULL, &error);
  ck_assert_ptr_null (landscape);
  ck_assert_klynge_error (error, KLYNGE_ERROR_LIMIT_EXCEEDED);
  ck_assert_uint_lt (stream->next_item, TEN_MILLION / 100);
}
END_TEST

START_TEST (test_10_million_elements_nested_are_refused_by_the_depth_cap)
{
  g_autoptr(GeneratorStream) stream =
    generator_stream_new ("<landscape xmlns=\"urn:klynge:landscape:1\" version=\"1\">",
                          "<x%u>", TEN_MILLION, "");
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLandscape) landscape = NULL;

  landscape = klynge_landscape_load_stream (G_INPUT_STREAM (stream), "deep.xml", NULL, NULL, &error);
  ck_assert_ptr_null (landscape);
  ck_assert_ptr_nonnull (error);
  ck_assert_int_eq (error->domain, KLYNGE_ERROR);
  /* an unknown element, or the depth cap: either way long before the end */
  ck_assert_msg (error->code == KLYNGE_ERROR_UNKNOWN_ELEMENT || error->code == KLYNGE_ERROR_LIMIT_EXCEEDED,
                 "unexpected code %d: %s", error->code, error->message);
  ck_assert_uint_lt (stream->next_item, TEN_MILLION / 100);
}
END_TEST

START_TEST (test_an_attribute_value_of_100_mb_is_refused_by_the_value_cap)
{
  g_autoptr(GeneratorStream) stream =
    generator_stream_new ("<landscape xmlns=\"urn:klynge:landscape:1\" version=\"1\">"
                          "<members><member id=\"m\" kind=\"company\" cvr=\"",
                          "%09u", 100 * 1000 * 1000 / 9,
                          "\"><name>x</name></member></members></landscape>");
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLandscape) landscape = NULL;

  landscape = klynge_landscape_load_stream (G_INPUT_STREAM (stream), "long-value.xml", NULL, NULL, &error);
  ck_assert_ptr_null (landscape);
  ck_assert_klynge_error (error, KLYNGE_ERROR_LIMIT_EXCEEDED);
  /* refused long before the end of 100 MB: libxml2 reads a start tag
   * whole before klynge sees its values, and its own limit on one
   * attribute value (10,000,000 bytes without XML_PARSE_HUGE, which the
   * loader never sets) ends the parse first */
  ck_assert_uint_lt (stream->bytes_served, 12 * 1000 * 1000);
}
END_TEST

START_TEST (test_a_text_of_100_mb_is_refused_by_the_value_cap)
{
  g_autoptr(GeneratorStream) stream =
    generator_stream_new ("<landscape xmlns=\"urn:klynge:landscape:1\" version=\"1\">"
                          "<members><member id=\"m\" kind=\"company\"><name>",
                          "name %08u ", 100 * 1000 * 1000 / 14,
                          "</name></member></members></landscape>");
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLandscape) landscape = NULL;

  landscape = klynge_landscape_load_stream (G_INPUT_STREAM (stream), "long-text.xml", NULL, NULL, &error);
  ck_assert_ptr_null (landscape);
  ck_assert_klynge_error (error, KLYNGE_ERROR_LIMIT_EXCEEDED);
  ck_assert_uint_lt (stream->bytes_served, 8 * 1024 * 1024);
}
END_TEST

START_TEST (test_a_stream_of_unknown_size_over_the_size_cap_is_refused_when_it_passes_the_cap)
{
  /* 10 million members of 60 bytes: 600 MB; the cap is 1 MiB */
  g_autoptr(GeneratorStream) stream =
    generator_stream_new ("<landscape xmlns=\"urn:klynge:landscape:1\" version=\"1\"><members>",
                          "<member id=\"m%u\" kind=\"company\"><name>x</name></member>",
                          TEN_MILLION, "</members></landscape>");
  g_autoptr(KlyngeLoadOptions) options = klynge_load_options_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLandscape) landscape = NULL;

  klynge_load_options_set_max_input_size (options, 1 << 20);
  landscape = klynge_landscape_load_stream (G_INPUT_STREAM (stream), "many.xml", options, NULL, &error);
  ck_assert_ptr_null (landscape);
  ck_assert_klynge_error (error, KLYNGE_ERROR_LIMIT_EXCEEDED);
  ck_assert_uint_le (stream->bytes_served, (1 << 20) + stream->largest_read);
}
END_TEST

static Suite *
input_caps_suite (void)
{
  Suite *suite = suite_create ("input-caps");
  TCase *huge_file = tcase_create ("huge-file");
  TCase *generated = tcase_create ("generated");

  tcase_add_test (huge_file, test_a_3_gb_file_is_refused_by_the_size_cap_before_it_is_read);
  tcase_add_test (huge_file, test_a_3_gb_file_is_refused_even_when_the_cap_is_just_below_it);
  tcase_add_test (huge_file, test_validating_a_3_gb_file_reports_one_limit_problem_without_reading_it);
  tcase_add_test (huge_file, test_loading_a_3_gb_file_asynchronously_is_refused_the_same_way);
  tcase_add_test (generated, test_an_element_with_10_million_attributes_is_refused_after_reading_little);
  tcase_add_test (generated, test_10_million_attributes_are_refused_whatever_the_attribute_cap_says_in_time);
  tcase_add_test (generated, test_10_million_elements_nested_are_refused_by_the_depth_cap);
  tcase_add_test (generated, test_an_attribute_value_of_100_mb_is_refused_by_the_value_cap);
  tcase_add_test (generated, test_a_text_of_100_mb_is_refused_by_the_value_cap);
  tcase_add_test (generated, test_a_stream_of_unknown_size_over_the_size_cap_is_refused_when_it_passes_the_cap);
  suite_add_tcase (suite, huge_file);
  suite_add_tcase (suite, generated);
  return suite;
}

int
main (void)
{
  return klynge_test_run (input_caps_suite ());
}
