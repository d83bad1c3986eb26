/* klynge-xml-load.c: loading a landscape, the public entry points
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every entry point sets up a reader (klynge-xml-reader.c), feeds it
 * (klynge-xml-input.c) and takes the landscape, or the error, from it.
 */
#include "config.h"

#include "klynge-xml-reader-private.h"
#include "klynge-validate-private.h"

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
  KlyngeXmlReader *reader;
  KlyngeLandscape *landscape;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  reader = _klynge_xml_reader_new (name ? name : "<stream>", options, FALSE);
  landscape = _klynge_xml_input_load_stream (reader, stream, cancellable, error);
  _klynge_xml_reader_free (reader);
  return landscape;
}

static KlyngeLandscape *
load_bytes (GBytes             *bytes,
            const char         *name,
            KlyngeLoadOptions  *options,
            KlyngeProblem     **problem,
            GError            **error)
{
  KlyngeXmlReader *reader;
  KlyngeLandscape *landscape;
  gsize length;
  const char *data;

  data = g_bytes_get_data (bytes, &length);
  reader = _klynge_xml_reader_new (name ? name : "<bytes>", options, FALSE);
  _klynge_xml_reader_set_size (reader, length);
  _klynge_xml_input_feed (reader, data, length, TRUE);
  landscape = _klynge_xml_reader_finish (reader, error);
  if (problem != NULL)
    *problem = g_steal_pointer (&reader->fatal);
  _klynge_xml_reader_free (reader);
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
  KlyngeXmlReader *reader;
  KlyngeLandscape *landscape = NULL;

  reader = _klynge_xml_reader_new (path, options, FALSE);
  reader->progress = progress;
  reader->progress_data = progress_data;
  stream = _klynge_xml_input_open_file (reader, path, cancellable, error);
  if (stream != NULL && _klynge_xml_reader_threaded (reader))
    landscape = _klynge_xml_input_load_file (reader, stream, cancellable, error);
  else if (stream != NULL)
    landscape = _klynge_xml_input_load_stream (reader, stream, cancellable, error);
  if (problem != NULL)
    *problem = g_steal_pointer (&reader->fatal);
  _klynge_xml_reader_free (reader);
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
 * rest cannot be trusted; it is the last problem listed. Each problem
 * carries the line of the element it is about, a `<membership>`'s too
 * (which klynge_landscape_validate() of a loaded landscape cannot give).
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
  KlyngeXmlReader *reader;

  g_return_val_if_fail (path != NULL, NULL);

  reader = _klynge_xml_reader_new (path, options, TRUE);
  stream = _klynge_xml_input_open_file (reader, path, NULL, &error);
  if (stream == NULL)
    {
      g_ptr_array_add (reader->problems,
                       klynge_problem_new (error->domain == KLYNGE_ERROR ? error->code : KLYNGE_ERROR_IO,
                                           NULL, 0, 0, NULL, error->message));
      g_clear_error (&error);
    }
  else
    {
      landscape = _klynge_xml_reader_threaded (reader)
        ? _klynge_xml_input_load_file (reader, stream, NULL, &error)
        : _klynge_xml_input_load_stream (reader, stream, NULL, &error);
      g_clear_error (&error);
    }
  if (reader->problems->len == 0 && reader->landscape != NULL)
    _klynge_landscape_check_consistency (reader->landscape, reader->file, reader->problems);
  else if (landscape != NULL)
    _klynge_landscape_check_consistency (landscape, reader->file, reader->problems);
  problems = g_steal_pointer (&reader->problems);
  _klynge_xml_reader_free (reader);
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
