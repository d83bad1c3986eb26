/* klynge-output-private.h: the buffered output behind the XML writer and
 * the exports
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <string.h>

#include "klynge-private.h"

G_BEGIN_DECLS

#define KLYNGE_OUTPUT_BUFFER_SIZE (256 * 1024)

typedef struct KlyngeOutput KlyngeOutput;

/* Writes @length bytes to the output's target; FALSE with @error set on
 * failure. */
typedef gboolean (*KlyngeOutputFlush) (KlyngeOutput  *output,
                                       const char    *data,
                                       gsize          length,
                                       GError       **error);

/* Output goes into a buffer and reaches the target in large blocks. The
 * first error is kept; once it is set, nothing more is written. */
struct KlyngeOutput
{
  char *buffer;
  gsize length;
  KlyngeOutputFlush flush;
  gpointer target;              /* what the flush function writes to */
  GCancellable *cancellable;
  GError *error;
};

void     _klynge_output_init        (KlyngeOutput      *output,
                                     KlyngeOutputFlush  flush,
                                     gpointer           target,
                                     GCancellable      *cancellable);
/* Into a GByteArray, or to a GOutputStream (failures are
 * KLYNGE_ERROR_IO, cancellation G_IO_ERROR_CANCELLED). */
void     _klynge_output_init_bytes  (KlyngeOutput      *output,
                                     GByteArray        *array);
void     _klynge_output_init_stream (KlyngeOutput      *output,
                                     GOutputStream     *stream,
                                     GCancellable      *cancellable);
gboolean _klynge_output_flush       (KlyngeOutput      *output);
/* Flushes what is buffered, frees the buffer and hands over the first
 * error, if any. */
gboolean _klynge_output_finish      (KlyngeOutput      *output,
                                     GError           **error);

static inline void
_klynge_output_put (KlyngeOutput *output,
                    const char   *data,
                    gsize         length)
{
  if (G_UNLIKELY (output->length + length > KLYNGE_OUTPUT_BUFFER_SIZE))
    {
      if (!_klynge_output_flush (output))
        return;
      if (length > KLYNGE_OUTPUT_BUFFER_SIZE)
        {
          (void) output->flush (output, data, length, &output->error);
          return;
        }
    }
  memcpy (output->buffer + output->length, data, length);
  output->length += length;
}

static inline void
_klynge_output_put_str (KlyngeOutput *output,
                        const char   *text)
{
  _klynge_output_put (output, text, strlen (text));
}

G_END_DECLS
