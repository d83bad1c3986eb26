/* klynge-landscape.h: the container of a whole cluster landscape
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (__KLYNGE_INSIDE__) && !defined (KLYNGE_COMPILATION)
#error "Only <klynge/klynge.h> can be included directly."
#endif

#include <gio/gio.h>
#include <klynge/klynge-record.h>
#include <klynge/klynge-organisation.h>
#include <klynge/klynge-member.h>
#include <klynge/klynge-membership.h>
#include <klynge/klynge-filter.h>
#include <klynge/klynge-problem.h>
#include <klynge/klynge-load-options.h>

G_BEGIN_DECLS

/**
 * KlyngeProgressFunc:
 * @bytes_done: bytes read so far
 * @bytes_total: the size of the input, or 0 where it is not known
 * @user_data: the data given with the function
 *
 * Reports how far a long load has come.
 */
typedef void (*KlyngeProgressFunc) (guint64  bytes_done,
                                    guint64  bytes_total,
                                    gpointer user_data);

#define KLYNGE_TYPE_LANDSCAPE (klynge_landscape_get_type ())
G_DECLARE_FINAL_TYPE (KlyngeLandscape, klynge_landscape, KLYNGE, LANDSCAPE, GObject)

KlyngeLandscape *klynge_landscape_new                  (void);
KlyngeLandscape *klynge_landscape_new_default          (void);

/* Records */
gboolean         klynge_landscape_add                  (KlyngeLandscape    *self,
                                                        KlyngeRecord       *record,
                                                        GError            **error);
gboolean         klynge_landscape_remove               (KlyngeLandscape    *self,
                                                        const char         *id,
                                                        GError            **error);
KlyngeRecord    *klynge_landscape_lookup               (KlyngeLandscape    *self,
                                                        const char         *id);
KlyngeRecord    *klynge_landscape_lookup_identifier    (KlyngeLandscape    *self,
                                                        KlyngeIdentifierScheme scheme,
                                                        const char         *value,
                                                        const KlyngeDate   *date);
gboolean         klynge_landscape_contains             (KlyngeLandscape    *self,
                                                        const char         *id);
guint            klynge_landscape_count                (KlyngeLandscape    *self,
                                                        GType               kind);
GPtrArray       *klynge_landscape_list                 (KlyngeLandscape    *self,
                                                        GType               kind);
GPtrArray       *klynge_landscape_list_organisations   (KlyngeLandscape    *self,
                                                        KlyngeFilter       *filter);
/* declared here, where both its types are */
gboolean         klynge_filter_check                   (KlyngeFilter       *filter,
                                                        KlyngeLandscape    *landscape,
                                                        GError            **error);
GPtrArray       *klynge_landscape_list_referrers       (KlyngeLandscape    *self,
                                                        const char         *id);

/* Memberships */
gboolean         klynge_landscape_add_membership       (KlyngeLandscape    *self,
                                                        const char         *organisation,
                                                        const char         *member,
                                                        const KlyngeDate   *since,
                                                        const KlyngeDate   *until,
                                                        GError            **error);
gboolean         klynge_landscape_add_membership_full  (KlyngeLandscape    *self,
                                                        const char         *organisation,
                                                        const char         *member,
                                                        const KlyngeDate   *since,
                                                        const KlyngeDate   *until,
                                                        KlyngeMembershipRole role,
                                                        KlyngeMembershipEnd end,
                                                        GError            **error);
gboolean         klynge_landscape_remove_membership    (KlyngeLandscape    *self,
                                                        const char         *organisation,
                                                        const char         *member,
                                                        const KlyngeDate   *since,
                                                        GError            **error);
guint            klynge_landscape_count_memberships    (KlyngeLandscape    *self);
GPtrArray       *klynge_landscape_list_memberships_of_organisation (KlyngeLandscape *self,
                                                                    const char      *organisation);
GPtrArray       *klynge_landscape_list_memberships_of_member       (KlyngeLandscape *self,
                                                                    const char      *member);
GPtrArray       *klynge_landscape_list_members_of      (KlyngeLandscape    *self,
                                                        const char         *organisation,
                                                        const KlyngeDate   *active_on);

/* Validation */
GPtrArray       *klynge_landscape_validate             (KlyngeLandscape    *self);

/* Loading (klynge-xml-load.c) */
KlyngeLandscape *klynge_landscape_load_file            (const char         *path,
                                                        GError            **error);
KlyngeLandscape *klynge_landscape_load_file_full       (const char         *path,
                                                        KlyngeLoadOptions  *options,
                                                        GCancellable       *cancellable,
                                                        KlyngeProgressFunc  progress,
                                                        gpointer            progress_data,
                                                        GError            **error);
KlyngeLandscape *klynge_landscape_load_bytes           (GBytes             *bytes,
                                                        const char         *name,
                                                        KlyngeLoadOptions  *options,
                                                        GError            **error);
KlyngeLandscape *klynge_landscape_load_file_with_problem  (const char         *path,
                                                          KlyngeLoadOptions  *options,
                                                          KlyngeProblem     **problem);
KlyngeLandscape *klynge_landscape_load_bytes_with_problem (GBytes             *bytes,
                                                          const char         *name,
                                                          KlyngeLoadOptions  *options,
                                                          KlyngeProblem     **problem);
KlyngeLandscape *klynge_landscape_load_stream          (GInputStream       *stream,
                                                        const char         *name,
                                                        KlyngeLoadOptions  *options,
                                                        GCancellable       *cancellable,
                                                        GError            **error);
void             klynge_landscape_load_file_async      (const char         *path,
                                                        KlyngeLoadOptions  *options,
                                                        GCancellable       *cancellable,
                                                        KlyngeProgressFunc  progress,
                                                        gpointer            progress_data,
                                                        GDestroyNotify      progress_data_free,
                                                        GAsyncReadyCallback callback,
                                                        gpointer            user_data);
KlyngeLandscape *klynge_landscape_load_file_finish     (GAsyncResult       *result,
                                                        GError            **error);
GPtrArray       *klynge_landscape_validate_file        (const char         *path,
                                                        KlyngeLoadOptions  *options);

/* Loading tables (klynge-table-load.c) */
KlyngeLandscape *klynge_landscape_load_tables          (const char         *directory,
                                                        KlyngeLoadOptions  *options,
                                                        GCancellable       *cancellable,
                                                        GError            **error);
KlyngeLandscape *klynge_landscape_load_tables_from_bytes (GHashTable       *tables,
                                                        KlyngeLoadOptions  *options,
                                                        GCancellable       *cancellable,
                                                        GError            **error);
void             klynge_landscape_load_tables_async    (const char         *directory,
                                                        KlyngeLoadOptions  *options,
                                                        GCancellable       *cancellable,
                                                        GAsyncReadyCallback callback,
                                                        gpointer            user_data);
KlyngeLandscape *klynge_landscape_load_tables_finish   (GAsyncResult       *result,
                                                        GError            **error);
KlyngeLandscape *klynge_landscape_load_tables_with_problems (const char       *directory,
                                                        KlyngeLoadOptions  *options,
                                                        GPtrArray         **problems);
KlyngeLandscape *klynge_landscape_load_tables_from_bytes_with_problems (GHashTable *tables,
                                                        KlyngeLoadOptions  *options,
                                                        GPtrArray         **problems);

/* Saving (klynge-xml-writer.c) */
gboolean         klynge_landscape_save_file            (KlyngeLandscape    *self,
                                                        const char         *path,
                                                        GError            **error);
GBytes          *klynge_landscape_save_bytes           (KlyngeLandscape    *self,
                                                        GError            **error);
gboolean         klynge_landscape_save_stream          (KlyngeLandscape    *self,
                                                        GOutputStream      *stream,
                                                        GCancellable       *cancellable,
                                                        GError            **error);

G_END_DECLS
