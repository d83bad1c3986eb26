/* klynge-load-options.h: limits and switches for loading
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (__KLYNGE_INSIDE__) && !defined (KLYNGE_COMPILATION)
#error "Only <klynge/klynge.h> can be included directly."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * KLYNGE_LOAD_DEFAULT_MAX_INPUT_SIZE:
 *
 * The default cap on the size of a document, in bytes: 2 GiB.
 */
#define KLYNGE_LOAD_DEFAULT_MAX_INPUT_SIZE (G_GUINT64_CONSTANT (2) << 30)

/**
 * KLYNGE_LOAD_DEFAULT_MAX_DEPTH:
 *
 * The default cap on element nesting. The format needs 4 levels.
 */
#define KLYNGE_LOAD_DEFAULT_MAX_DEPTH 64

/**
 * KLYNGE_LOAD_DEFAULT_MAX_VALUE_LENGTH:
 *
 * The default cap on the length of one attribute value or text, in bytes
 * as stored (after entities are decoded): 1 MiB. It is also the longest id
 * or text a record accepts (setters fail with %KLYNGE_ERROR_LIMIT_EXCEEDED
 * beyond it), so that whatever is saved loads again with the default
 * options.
 */
#define KLYNGE_LOAD_DEFAULT_MAX_VALUE_LENGTH (1 << 20)

/**
 * KLYNGE_LOAD_DEFAULT_MAX_ATTRIBUTES:
 *
 * The default cap on attributes of one element. The format needs 7.
 */
#define KLYNGE_LOAD_DEFAULT_MAX_ATTRIBUTES 32

/**
 * KlyngeLoadOptions:
 *
 * Caps that bound what a load may cost, and whether to collect every
 * problem instead of stopping at the first. A mutable, reference-counted
 * value; %NULL options mean the defaults.
 */
typedef struct _KlyngeLoadOptions KlyngeLoadOptions;

GType              klynge_load_options_get_type               (void) G_GNUC_CONST;
#define KLYNGE_TYPE_LOAD_OPTIONS (klynge_load_options_get_type ())

KlyngeLoadOptions *klynge_load_options_new                    (void);
KlyngeLoadOptions *klynge_load_options_ref                    (KlyngeLoadOptions *options);
void               klynge_load_options_unref                  (KlyngeLoadOptions *options);
void               klynge_load_options_set_max_input_size     (KlyngeLoadOptions *options,
                                                               guint64            bytes);
guint64            klynge_load_options_get_max_input_size     (KlyngeLoadOptions *options);
void               klynge_load_options_set_max_depth          (KlyngeLoadOptions *options,
                                                               guint              depth);
guint              klynge_load_options_get_max_depth          (KlyngeLoadOptions *options);
void               klynge_load_options_set_max_value_length   (KlyngeLoadOptions *options,
                                                               guint              bytes);
guint              klynge_load_options_get_max_value_length   (KlyngeLoadOptions *options);
void               klynge_load_options_set_max_attributes     (KlyngeLoadOptions *options,
                                                               guint              count);
guint              klynge_load_options_get_max_attributes     (KlyngeLoadOptions *options);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlyngeLoadOptions, klynge_load_options_unref)

G_END_DECLS
