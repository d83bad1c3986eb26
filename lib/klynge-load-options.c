/* klynge-load-options.c: limits and switches for loading
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "klynge-xml-private.h"

G_DEFINE_BOXED_TYPE (KlyngeLoadOptions, klynge_load_options,
                     klynge_load_options_ref, klynge_load_options_unref)

void
_klynge_load_options_init_defaults (KlyngeLoadOptions *options)
{
  options->max_input_size = KLYNGE_LOAD_DEFAULT_MAX_INPUT_SIZE;
  options->max_depth = KLYNGE_LOAD_DEFAULT_MAX_DEPTH;
  options->max_value_length = KLYNGE_LOAD_DEFAULT_MAX_VALUE_LENGTH;
  options->max_attributes = KLYNGE_LOAD_DEFAULT_MAX_ATTRIBUTES;
}

/**
 * klynge_load_options_new:
 *
 * Creates options with the default caps: %KLYNGE_LOAD_DEFAULT_MAX_INPUT_SIZE,
 * %KLYNGE_LOAD_DEFAULT_MAX_DEPTH, %KLYNGE_LOAD_DEFAULT_MAX_VALUE_LENGTH and
 * %KLYNGE_LOAD_DEFAULT_MAX_ATTRIBUTES.
 *
 * Returns: (transfer full): new options
 */
KlyngeLoadOptions *
klynge_load_options_new (void)
{
  KlyngeLoadOptions *options = g_new0 (KlyngeLoadOptions, 1);

  g_atomic_ref_count_init (&options->ref_count);
  _klynge_load_options_init_defaults (options);
  return options;
}

/**
 * klynge_load_options_ref:
 * @options: options
 *
 * Returns: (transfer full): @options
 */
KlyngeLoadOptions *
klynge_load_options_ref (KlyngeLoadOptions *options)
{
  g_return_val_if_fail (options != NULL, NULL);
  g_atomic_ref_count_inc (&options->ref_count);
  return options;
}

/**
 * klynge_load_options_unref:
 * @options: (transfer full): options
 *
 * Drops a reference; frees the options when it was the last.
 */
void
klynge_load_options_unref (KlyngeLoadOptions *options)
{
  g_return_if_fail (options != NULL);
  if (g_atomic_ref_count_dec (&options->ref_count))
    g_free (options);
}

/**
 * klynge_load_options_set_max_input_size:
 * @options: options
 * @bytes: the largest document to read, in bytes; larger ones fail with
 *   %KLYNGE_ERROR_LIMIT_EXCEEDED before they are parsed
 *
 * Sets the cap on the size of a document.
 */
void
klynge_load_options_set_max_input_size (KlyngeLoadOptions *options,
                                        guint64            bytes)
{
  g_return_if_fail (options != NULL);
  g_return_if_fail (bytes > 0);
  options->max_input_size = bytes;
}

/**
 * klynge_load_options_get_max_input_size:
 * @options: options
 *
 * Returns: the cap on the size of a document, in bytes
 */
guint64
klynge_load_options_get_max_input_size (KlyngeLoadOptions *options)
{
  g_return_val_if_fail (options != NULL, 0);
  return options->max_input_size;
}

/**
 * klynge_load_options_set_max_depth:
 * @options: options
 * @depth: the deepest element nesting allowed, 4 to 256
 *
 * Sets the cap on nesting.
 */
void
klynge_load_options_set_max_depth (KlyngeLoadOptions *options,
                                   guint              depth)
{
  g_return_if_fail (options != NULL);
  g_return_if_fail (depth >= 4 && depth <= 256);
  options->max_depth = depth;
}

/**
 * klynge_load_options_get_max_depth:
 * @options: options
 *
 * Returns: the cap on nesting
 */
guint
klynge_load_options_get_max_depth (KlyngeLoadOptions *options)
{
  g_return_val_if_fail (options != NULL, 0);
  return options->max_depth;
}

/**
 * klynge_load_options_set_max_value_length:
 * @options: options
 * @bytes: the longest attribute value or text allowed, in bytes
 *
 * Sets the cap on the length of one value.
 */
void
klynge_load_options_set_max_value_length (KlyngeLoadOptions *options,
                                          guint              bytes)
{
  g_return_if_fail (options != NULL);
  g_return_if_fail (bytes > 0);
  options->max_value_length = bytes;
}

/**
 * klynge_load_options_get_max_value_length:
 * @options: options
 *
 * Returns: the cap on the length of one value, in bytes
 */
guint
klynge_load_options_get_max_value_length (KlyngeLoadOptions *options)
{
  g_return_val_if_fail (options != NULL, 0);
  return options->max_value_length;
}

/**
 * klynge_load_options_set_max_attributes:
 * @options: options
 * @count: the most attributes one element may have
 *
 * Sets the cap on attributes per element.
 */
void
klynge_load_options_set_max_attributes (KlyngeLoadOptions *options,
                                        guint              count)
{
  g_return_if_fail (options != NULL);
  g_return_if_fail (count > 0);
  options->max_attributes = count;
}

/**
 * klynge_load_options_get_max_attributes:
 * @options: options
 *
 * Returns: the cap on attributes per element
 */
guint
klynge_load_options_get_max_attributes (KlyngeLoadOptions *options)
{
  g_return_val_if_fail (options != NULL, 0);
  return options->max_attributes;
}
