/* klynge-output.c: the buffered output behind the XML writer and the
 * exports
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <gio/gio.h>

#include "klynge-output-private.h"

void
_klynge_output_init (KlyngeOutput      *output,
                     KlyngeOutputFlush  flush,
                     gpointer           target,
                     GCancellable      *cancellable)
{
  memset (output, 0, sizeof *output);
  output->buffer = g_malloc (KLYNGE_OUTPUT_BUFFER_SIZE);
  output->capacity = KLYNGE_OUTPUT_BUFFER_SIZE;
  output->flush = flush;
  output->target = target;
  output->cancellable = cancellable;
}

static gboolean
flush_to_bytes (KlyngeOutput  *output,
                GError       **error)
{
  g_byte_array_append (output->target, (const guint8 *) output->buffer, (guint) output->length);
  output->length = 0;
  return TRUE;
}

void
_klynge_output_init_bytes (KlyngeOutput *output,
                           GByteArray   *array)
{
  _klynge_output_init (output, flush_to_bytes, array, NULL);
}

static gboolean
flush_to_stream (KlyngeOutput  *output,
                 GError       **error)
{
  g_autoptr(GError) local = NULL;

  if (g_output_stream_write_all (output->target, output->buffer, output->length, NULL,
                                 output->cancellable, &local))
    {
      output->length = 0;
      return TRUE;
    }
  if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_steal_pointer (&local));
  else
    g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_IO, "cannot write: %s", local->message);
  return FALSE;
}

void
_klynge_output_init_stream (KlyngeOutput  *output,
                            GOutputStream *stream,
                            GCancellable  *cancellable)
{
  _klynge_output_init (output, flush_to_stream, stream, cancellable);
}

gboolean
_klynge_output_flush (KlyngeOutput *output)
{
  if (output->error != NULL)
    return FALSE;
  return output->length == 0 || output->flush (output, &output->error);
}

/* What does not fit: the buffer is filled and flushed as often as it
 * takes, so that a target always gets full buffers. */
void
_klynge_output_put_slow (KlyngeOutput *output,
                         const char   *data,
                         gsize         length)
{
  while (output->error == NULL)
    {
      gsize n = MIN (length, output->capacity - output->length);

      memcpy (output->buffer + output->length, data, n);
      output->length += n;
      data += n;
      length -= n;
      if (length == 0 || !_klynge_output_flush (output))
        return;
    }
}

void
_klynge_output_put_escaped (KlyngeOutput *output,
                            const char   *text,
                            gboolean      in_attribute)
{
  const char *run = text;
  const char *p;

  for (p = text; *p != '\0'; p++)
    {
      const char *entity;

      switch (*p)
        {
        case '&': entity = "&amp;"; break;
        case '<': entity = "&lt;"; break;
        case '>': entity = "&gt;"; break;
        case '\r': entity = "&#13;"; break;
        case '"': entity = in_attribute ? "&quot;" : NULL; break;
        case '\t': entity = in_attribute ? "&#9;" : NULL; break;
        case '\n': entity = in_attribute ? "&#10;" : NULL; break;
        default: entity = NULL; break;
        }
      if (entity == NULL)
        continue;
      _klynge_output_put (output, run, (gsize) (p - run));
      _klynge_output_put_str (output, entity);
      run = p + 1;
    }
  _klynge_output_put (output, run, (gsize) (p - run));
}

gboolean
_klynge_output_finish (KlyngeOutput  *output,
                       GError       **error)
{
  _klynge_output_flush (output);
  g_clear_pointer (&output->buffer, g_free);
  if (output->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&output->error));
      return FALSE;
    }
  return TRUE;
}
