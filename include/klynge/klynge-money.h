/* klynge-money.h: exact amounts in øre and percent shares in basis points
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (__KLYNGE_INSIDE__) && !defined (KLYNGE_COMPILATION)
#error "Only <klynge/klynge.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

/**
 * KLYNGE_MONEY_MAX:
 *
 * The largest amount klynge stores, in øre: %G_MAXINT64.
 */
#define KLYNGE_MONEY_MAX G_MAXINT64

gboolean  klynge_money_parse        (const char *text,
                                     gint64     *ore,
                                     guint      *decimals,
                                     GError    **error);
char     *klynge_money_to_string    (gint64      ore,
                                     guint       decimals);
char     *klynge_money_to_grouped_string (gint64 ore);

gboolean  klynge_percent_parse      (const char *text,
                                     guint      *basis_points,
                                     guint      *decimals,
                                     GError    **error);
char     *klynge_percent_to_string  (guint       basis_points,
                                     guint       decimals);

G_END_DECLS
