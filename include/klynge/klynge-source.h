/* klynge-source.h: a citation of a public source
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (__KLYNGE_INSIDE__) && !defined (KLYNGE_COMPILATION)
#error "Only <klynge/klynge.h> can be included directly."
#endif

#include <glib-object.h>
#include <klynge/klynge-date.h>

G_BEGIN_DECLS

/**
 * KlyngeSource:
 *
 * A citation: the address of a public page and, optionally, the date it was
 * read. An immutable, reference-counted value.
 */
typedef struct _KlyngeSource KlyngeSource;

GType             klynge_source_get_type     (void) G_GNUC_CONST;
#define KLYNGE_TYPE_SOURCE (klynge_source_get_type ())

KlyngeSource     *klynge_source_new          (const char         *href,
                                              const KlyngeDate   *accessed,
                                              GError            **error);
KlyngeSource     *klynge_source_ref          (KlyngeSource       *source);
void              klynge_source_unref        (KlyngeSource       *source);
const char       *klynge_source_get_href     (const KlyngeSource *source);
const KlyngeDate *klynge_source_get_accessed (const KlyngeSource *source);
gboolean          klynge_source_equal        (const KlyngeSource *a,
                                              const KlyngeSource *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlyngeSource, klynge_source_unref)

G_END_DECLS
