/* klynge-export.h: CSV, GraphML and GEXF exports of a landscape
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (__KLYNGE_INSIDE__) && !defined (KLYNGE_COMPILATION)
#error "Only <klynge/klynge.h> can be included directly."
#endif

#include <gio/gio.h>
#include <klynge/klynge-landscape.h>

G_BEGIN_DECLS

/**
 * KLYNGE_CSV_LIST_SEPARATOR:
 *
 * The separator that joins the values of a multi-valued column of the
 * CSV export (such as `focus_areas`): a vertical bar. A vertical bar or
 * a backslash inside a value is escaped with a backslash.
 */
#define KLYNGE_CSV_LIST_SEPARATOR "|"

const char * const *klynge_landscape_export_csv_kinds    (void);

gboolean            klynge_landscape_export_csv          (KlyngeLandscape  *self,
                                                          const char       *kind,
                                                          GOutputStream    *stream,
                                                          GCancellable     *cancellable,
                                                          GError          **error);
GBytes             *klynge_landscape_export_csv_bytes    (KlyngeLandscape  *self,
                                                          const char       *kind,
                                                          GError          **error);
gboolean            klynge_landscape_export_csv_file     (KlyngeLandscape  *self,
                                                          const char       *kind,
                                                          const char       *path,
                                                          GError          **error);
gboolean            klynge_landscape_export_tables       (KlyngeLandscape  *self,
                                                          const char       *directory,
                                                          GCancellable     *cancellable,
                                                          GError          **error);
GBytes             *klynge_export_datapackage_bytes      (void);
gboolean            klynge_landscape_export_graphml      (KlyngeLandscape  *self,
                                                          GOutputStream    *stream,
                                                          GCancellable     *cancellable,
                                                          GError          **error);
GBytes             *klynge_landscape_export_graphml_bytes (KlyngeLandscape *self,
                                                          GError          **error);
gboolean            klynge_landscape_export_graphml_file (KlyngeLandscape  *self,
                                                          const char       *path,
                                                          GError          **error);
gboolean            klynge_landscape_export_gexf         (KlyngeLandscape  *self,
                                                          GOutputStream    *stream,
                                                          GCancellable     *cancellable,
                                                          GError          **error);
GBytes             *klynge_landscape_export_gexf_bytes   (KlyngeLandscape  *self,
                                                          GError          **error);
gboolean            klynge_landscape_export_gexf_file    (KlyngeLandscape  *self,
                                                          const char       *path,
                                                          GError          **error);

G_END_DECLS
