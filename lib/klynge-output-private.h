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

/* Takes the output->length bytes in output->buffer to the target, and
 * leaves output->length at what it kept back in the buffer: normally 0,
 * but a target may keep a few bytes, or hand the buffer on and put
 * another in its place (see the file save's direct I/O). FALSE with
 * @error set on failure. */
typedef gboolean (*KlyngeOutputFlush) (KlyngeOutput  *output,
                                       GError       **error);

/* Output goes into a buffer and reaches the target in large blocks. The
 * first error is kept; once it is set, nothing more is written. */
struct KlyngeOutput
{
  char *buffer;
  gsize length;
  gsize capacity;
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
void     _klynge_output_put_slow    (KlyngeOutput      *output,
                                     const char        *data,
                                     gsize              length);
/* Writes @text with the XML entities it needs: `&`, `<`, `>` and carriage
 * return always; `"`, tab and newline in an attribute value, so that they
 * survive attribute-value normalisation. The UTF-8 is not checked here. */
void     _klynge_output_put_escaped (KlyngeOutput      *output,
                                     const char        *text,
                                     gboolean           in_attribute);
/* Flushes what is buffered, frees the buffer and hands over the first
 * error, if any. */
gboolean _klynge_output_finish      (KlyngeOutput      *output,
                                     GError           **error);

static inline void
_klynge_output_put (KlyngeOutput *output,
                    const char   *data,
                    gsize         length)
{
  if (G_UNLIKELY (output->length + length > output->capacity))
    {
      _klynge_output_put_slow (output, data, length);
      return;
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

/* A string literal, its length known at compile time. */
#define KLYNGE_OUTPUT_PUT_LITERAL(output, s) _klynge_output_put ((output), (s), sizeof (s) - 1)

G_END_DECLS
