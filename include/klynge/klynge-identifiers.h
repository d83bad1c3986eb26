/* klynge-identifiers.h: record identifiers and CVR numbers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (__KLYNGE_INSIDE__) && !defined (KLYNGE_COMPILATION)
#error "Only <klynge/klynge.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

gboolean klynge_id_is_valid          (const char *id);
gboolean klynge_cvr_is_valid         (const char *cvr);
gboolean klynge_text_is_valid        (const char *text,
                                      gssize      length);

G_END_DECLS
