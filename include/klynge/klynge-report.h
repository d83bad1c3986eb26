/* klynge-report.h: the landscape as one self-contained HTML report, and
 * the lineage as an SVG picture
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (__KLYNGE_INSIDE__) && !defined (KLYNGE_COMPILATION)
#error "Only <klynge/klynge.h> can be included directly."
#endif

#include <gio/gio.h>
#include <klynge/klynge-date.h>
#include <klynge/klynge-landscape.h>

G_BEGIN_DECLS

gboolean  klynge_landscape_get_date_span       (KlyngeLandscape   *self,
                                                KlyngeDate        *first,
                                                KlyngeDate        *last);
void      klynge_landscape_get_default_date    (KlyngeLandscape   *self,
                                                KlyngeDate        *date);

gboolean  klynge_landscape_write_report        (KlyngeLandscape   *self,
                                                const KlyngeDate  *as_of,
                                                GOutputStream     *stream,
                                                GCancellable      *cancellable,
                                                GError           **error);
GBytes   *klynge_landscape_write_report_bytes  (KlyngeLandscape   *self,
                                                const KlyngeDate  *as_of,
                                                GError           **error);
gboolean  klynge_landscape_write_report_file   (KlyngeLandscape   *self,
                                                const KlyngeDate  *as_of,
                                                const char        *path,
                                                GCancellable      *cancellable,
                                                GError           **error);

char     *klynge_landscape_lineage_to_svg      (KlyngeLandscape   *self,
                                                const char        *id);

G_END_DECLS
