/* klynge-xml-input.c: the bytes before libxml2 parses them
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * What the loader checks on the input itself, ahead of the parse: the
 * encoding (byte-order marks, the XML declaration), the number of
 * attributes in a start tag (a lexical pre-scan), the size; and how the
 * bytes reach the parser: in chunks from a stream, or from a file read
 * ahead on a thread of its own. No external entity is ever loaded while
 * a klynge parse runs.
 */
#include "config.h"

#include <string.h>

#include "klynge-lock-private.h"
#include "klynge-xml-reader-private.h"

typedef KlyngeXmlReader Reader;

/* --- external entities --------------------------------------------------- */

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

void
_klynge_xml_input_init (void)
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

/* --- encoding ------------------------------------------------------------- */

/* The encoding the XML declaration names, once libxml2 has read it. */
void
_klynge_xml_input_on_start_document (void *ctx)
{
  xmlParserCtxtPtr parser = ctx;
  Reader *reader = parser->_private;
  const xmlChar *declared = parser->input != NULL ? parser->input->encoding : NULL;

  if (declared == NULL)
    declared = parser->encoding;
  if (declared != NULL
      && g_ascii_strcasecmp ((const char *) declared, "UTF-8") != 0
      && g_ascii_strcasecmp ((const char *) declared, "UTF8") != 0)
    _klynge_xml_reader_fatal_at (reader, KLYNGE_ERROR_ENCODING, _klynge_xml_reader_line (reader), 0,
                                 "the document is in “%s”; landscapes are UTF-8", (const char *) declared);
}

/* Refuses an XML declaration that names an encoding other than UTF-8
 * before libxml2 reads it: libxml2 hands a name it does not know itself
 * to iconv_open(), which loads a converter module of the C library (and
 * opens /etc/ld.so.cache) only for the start of the document to refuse
 * it afterwards. Looks at the first chunk only; a declaration split
 * across chunks is still refused by
 * _klynge_xml_input_on_start_document(). */
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
      _klynge_xml_reader_fatal_at (reader, KLYNGE_ERROR_ENCODING, 1, 0,
                                   "the document is in “%s”; landscapes are UTF-8", name);
      return FALSE;
    }
  return TRUE;
}

/* Refuses what libxml2 would otherwise decode or sniff: UTF-16 and UTF-32
 * byte-order marks or zero bytes, EBCDIC. */
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
  _klynge_xml_reader_fatal_at (reader, KLYNGE_ERROR_ENCODING, 1, 1,
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
  int state = reader->scan.state;
  guint marks = reader->scan.marks;
  char quote = reader->scan.quote;
  guint attrs = reader->scan.attributes;
  guint max_attributes = reader->options.max_attributes;
#define SCAN_RETURN(result) \
  G_STMT_START { \
    reader->scan.state = state; \
    reader->scan.marks = marks; \
    reader->scan.quote = quote; \
    reader->scan.attributes = attrs; \
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
           * thread, see _klynge_xml_input_load_file()) */
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

/* what a stream read or a part of a buffer gives the parser at a time */
#define CHUNK_SIZE (256 * 1024)

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
  if (_klynge_xml_reader_failed (reader))
    return FALSE;
  if (reader->bytes_read == 0 && length > 0 && !check_first_bytes (reader, (const guchar *) data, length))
    return FALSE;
  if (reader->bytes_read + length > reader->options.max_input_size)
    {
      _klynge_xml_reader_fatal_at (reader, KLYNGE_ERROR_LIMIT_EXCEEDED, 0, 0,
                                   "the document is larger than the %" G_GUINT64_FORMAT " bytes allowed",
                                   reader->options.max_input_size);
      return FALSE;
    }
  reader->bytes_read += length;
  if (scanned == SCAN_FAILED
      || (scanned == SCAN_NOT_DONE && !scan_attributes (reader, data, length)))
    {
      _klynge_xml_reader_fatal_at (reader, KLYNGE_ERROR_LIMIT_EXCEEDED, 0, 0,
                                   "an element has more than %u attributes",
                                   reader->options.max_attributes);
      return FALSE;
    }

  g_private_set (&in_klynge_parse, GINT_TO_POINTER (1));
  /* in parts of a stream chunk: libxml2 2.9.14 stops a push parse with
   * "Huge input lookup" once more than XML_MAX_LOOKUP_LIMIT (10,000,000)
   * bytes wait unparsed, and we never set XML_PARSE_HUGE */
  while (length > 0 || last)
    {
      int part = (int) MIN (length, (gsize) CHUNK_SIZE);
      gboolean final = last && (gsize) part == length;

      xmlParseChunk (reader->parser, data, part, final);
      data += part;
      length -= (gsize) part;
      if (_klynge_xml_reader_failed (reader) || final)
        break;
    }
  g_private_set (&in_klynge_parse, NULL);

  /* what the worker found in this chunk, before the chunk counts as read */
  if (reader->sync_every_chunk)
    _klynge_xml_reader_flush (reader);
  if (!_klynge_xml_reader_failed (reader)
      && (reader->parser->wellFormed == 0 || reader->parser->nsWellFormed == 0))
    _klynge_xml_reader_fatal_at (reader, KLYNGE_ERROR_XML_SYNTAX,
                                 _klynge_xml_reader_line (reader), _klynge_xml_reader_column (reader),
                                 "the document is not well-formed XML");
  if (reader->progress != NULL)
    reader->progress (reader->bytes_read, reader->bytes_total, reader->progress_data);
  return !_klynge_xml_reader_failed (reader);
}

gboolean
_klynge_xml_input_feed (Reader     *reader,
                        const char *data,
                        gsize       length,
                        gboolean    last)
{
  return reader_feed_scanned (reader, data, length, last, SCAN_NOT_DONE);
}

/* --- entry --------------------------------------------------------------- */

KlyngeLandscape *
_klynge_xml_input_load_stream (Reader        *reader,
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
          _klynge_xml_reader_fatal_at (reader, KLYNGE_ERROR_IO, 0, 0, "cannot read: %s", local->message);
          break;
        }
      if (!_klynge_xml_input_feed (reader, buffer, (gsize) n, n == 0) || n == 0)
        break;
    }
  return _klynge_xml_reader_finish (reader, error);
}

/* A file is read, and scanned for attribute counts, on a thread of its
 * own, a few chunks ahead of the parse: the parse sees the same chunks in
 * the same order, with the same checks at the same points, as
 * _klynge_xml_input_load_stream() gives it. Only for streams the loader opened itself,
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
      Chunk *chunk = _klynge_handoff_pop (ahead->empty);

      if (g_atomic_int_get (&ahead->stop))
        {
          _klynge_handoff_push (ahead->full, chunk);
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
      _klynge_handoff_push (ahead->full, chunk);
      if (chunk->length <= 0 || !scan_ok)
        break;
    }
  return NULL;
}

KlyngeLandscape *
_klynge_xml_input_load_file (Reader        *reader,
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
      _klynge_handoff_push (ahead.empty, &chunks[i]);
    }
  thread = g_thread_new ("klynge-read", read_ahead_thread, &ahead);

  for (;;)
    {
      Chunk *chunk = _klynge_handoff_pop (ahead.full);
      gboolean go_on;

      /* an error the worker has found comes first */
      if (chunk->length < 0)
        _klynge_xml_reader_flush (reader);
      if (chunk->length < 0 && _klynge_xml_reader_failed (reader))
        {
          g_clear_error (&chunk->error);
          _klynge_handoff_push (ahead.empty, chunk);
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
            _klynge_xml_reader_fatal_at (reader, KLYNGE_ERROR_IO, 0, 0,
                                         "cannot read: %s", chunk->error->message);
          g_clear_error (&chunk->error);
          _klynge_handoff_push (ahead.empty, chunk);
          break;
        }
      go_on = reader_feed_scanned (reader, chunk->data, (gsize) chunk->length, chunk->length == 0,
                                   chunk->scanned) && chunk->length > 0;
      _klynge_handoff_push (ahead.empty, chunk);
      if (!go_on)
        break;
    }

  /* the read-ahead thread stops at the end, at an error, at a failed
   * scan, or when it next takes a chunk (@wake, if it waits for one) */
  g_atomic_int_set (&ahead.stop, 1);
  _klynge_handoff_push (ahead.empty, &wake);
  g_thread_join (thread);
  for (Chunk *left; (left = _klynge_handoff_try_pop (ahead.full)) != NULL; )
    if (left != &wake)
      g_clear_error (&left->error);
  g_async_queue_unref (ahead.empty);
  g_async_queue_unref (ahead.full);
  for (guint i = 0; i < READ_AHEAD; i++)
    g_free (chunks[i].data);
  if (cancelled)
    return NULL;
  return _klynge_xml_reader_finish (reader, error);
}

GInputStream *
_klynge_xml_input_open_file (Reader        *reader,
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
      _klynge_xml_reader_set_size (reader, (guint64) g_file_info_get_size (info));
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

