/* klynge-svg-private.h: drawing SVG into a KlyngeOutput, for the report
 * and the lineage picture
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Coordinates are whole pixels, written with %d: floating point would be
 * formatted by the locale, and the output must be the same bytes
 * everywhere. Styles are presentation attributes, so that a drawing
 * needs no style sheet, inside the report or on its own.
 */
#pragma once

#include "klynge-output-private.h"

G_BEGIN_DECLS

/* printf into @output; for integers and already escaped markup only */
void  _klynge_svg_printf    (KlyngeOutput *output,
                             const char   *format,
                             ...) G_GNUC_PRINTF (2, 3);
/* Opens an <svg role="img"> of @width × @height with @title and
 * @description as its <title> and <desc> (its text alternative), their
 * element ids made from @id. @standalone: an XML document of its own
 * (with an XML declaration) rather than a drawing inside HTML. */
void  _klynge_svg_open      (KlyngeOutput *output,
                             const char   *id,
                             int           width,
                             int           height,
                             const char   *title,
                             const char   *description,
                             gboolean      standalone);
void  _klynge_svg_close     (KlyngeOutput *output);
/* A filled rectangle with @tooltip (nullable) as its <title>. */
void  _klynge_svg_rect      (KlyngeOutput *output,
                             int           x,
                             int           y,
                             int           width,
                             int           height,
                             const char   *fill,
                             const char   *tooltip);
/* @dashes: a stroke-dasharray such as "6 3", or NULL for a solid line */
void  _klynge_svg_line      (KlyngeOutput *output,
                             int           x1,
                             int           y1,
                             int           x2,
                             int           y2,
                             const char   *stroke,
                             int           width,
                             const char   *dashes);
/* @anchor: "start", "middle" or "end" */
void  _klynge_svg_text      (KlyngeOutput *output,
                             int           x,
                             int           y,
                             const char   *anchor,
                             const char   *text);

/* The colour of the @index-th series of a chart (cycling). */
const char *_klynge_svg_colour (guint index);

/* What the consolidation picture draws: every organisation of the
 * landscape (the report of a small landscape), those a completed merger
 * names (every lineage), or those linked to one organisation. */
typedef enum {
  KLYNGE_SVG_LINEAGE_ALL,
  KLYNGE_SVG_LINEAGE_MERGED,
  KLYNGE_SVG_LINEAGE_OF_ONE,
} KlyngeSvgLineageScope;

/* The most bodies one picture draws, so that it stays a readable size
 * whatever the landscape; the rest are counted, not drawn. */
#define KLYNGE_SVG_LINEAGE_MAX_BODIES 400

/* Draws the consolidation picture: each body chosen by @scope (@id for
 * KLYNGE_SVG_LINEAGE_OF_ONE) a bar over its life, the completed mergers
 * of every kind between them, and a legend. Returns the number of bodies
 * chosen; *@n_drawn says how many were drawn (at most
 * KLYNGE_SVG_LINEAGE_MAX_BODIES). */
guint _klynge_svg_lineage   (KlyngeOutput          *output,
                             KlyngeLandscape       *landscape,
                             KlyngeSvgLineageScope  scope,
                             const char            *id,
                             const char            *svg_id,
                             gboolean               standalone,
                             guint                 *n_drawn);

G_END_DECLS
