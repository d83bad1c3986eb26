/* klynge-svg.c: SVG drawing primitives and the consolidation picture
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The picture is written by the library itself, with no Graphviz or any
 * other dependency at run time, and deterministically: bodies and mergers
 * come in landscape order, coordinates are integers.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>

#include "klynge-landscape-private.h"
#include "klynge-svg-private.h"

void
_klynge_svg_printf (KlyngeOutput *output,
                    const char   *format,
                    ...)
{
  char buffer[512];
  va_list args;
  int n;

  va_start (args, format);
  n = g_vsnprintf (buffer, sizeof buffer, format, args);
  va_end (args);
  if (n >= 0 && (gsize) n < sizeof buffer)
    {
      _klynge_output_put (output, buffer, (gsize) n);
      return;
    }
  {
    g_autofree char *text = NULL;

    va_start (args, format);
    text = g_strdup_vprintf (format, args);
    va_end (args);
    _klynge_output_put_str (output, text);
  }
}

/* An element such as <title id="ID-title">TEXT</title>. */
static void
put_labelling_element (KlyngeOutput *output,
                       const char   *element,
                       const char   *id,
                       const char   *text)
{
  _klynge_svg_printf (output, "<%s id=\"", element);
  _klynge_output_put_escaped (output, id, TRUE);
  _klynge_svg_printf (output, "-%s\">", element);
  _klynge_output_put_escaped (output, text, FALSE);
  _klynge_svg_printf (output, "</%s>\n", element);
}

void
_klynge_svg_open (KlyngeOutput *output,
                  const char   *id,
                  int           width,
                  int           height,
                  const char   *title,
                  const char   *description,
                  gboolean      standalone)
{
  if (standalone)
    KLYNGE_OUTPUT_PUT_LITERAL (output, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  _klynge_svg_printf (output,
                      "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"%d\" height=\"%d\" "
                      "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\" aria-labelledby=\"",
                      width, height, width, height);
  _klynge_output_put_escaped (output, id, TRUE);
  KLYNGE_OUTPUT_PUT_LITERAL (output, "-title ");
  _klynge_output_put_escaped (output, id, TRUE);
  KLYNGE_OUTPUT_PUT_LITERAL (output, "-desc\">\n");
  put_labelling_element (output, "title", id, title);
  put_labelling_element (output, "desc", id, description);
}

void
_klynge_svg_close (KlyngeOutput *output)
{
  KLYNGE_OUTPUT_PUT_LITERAL (output, "</svg>\n");
}

void
_klynge_svg_rect (KlyngeOutput *output,
                  int           x,
                  int           y,
                  int           width,
                  int           height,
                  const char   *fill,
                  const char   *tooltip)
{
  _klynge_svg_printf (output, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"",
                      x, y, MAX (width, 1), MAX (height, 0), fill);
  if (tooltip == NULL)
    {
      KLYNGE_OUTPUT_PUT_LITERAL (output, "/>\n");
      return;
    }
  KLYNGE_OUTPUT_PUT_LITERAL (output, "><title>");
  _klynge_output_put_escaped (output, tooltip, FALSE);
  KLYNGE_OUTPUT_PUT_LITERAL (output, "</title></rect>\n");
}

void
_klynge_svg_line (KlyngeOutput *output,
                  int           x1,
                  int           y1,
                  int           x2,
                  int           y2,
                  const char   *stroke,
                  int           width,
                  const char   *dashes)
{
  _klynge_svg_printf (output, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"%d\"",
                      x1, y1, x2, y2, stroke, width);
  if (dashes != NULL)
    _klynge_svg_printf (output, " stroke-dasharray=\"%s\"", dashes);
  KLYNGE_OUTPUT_PUT_LITERAL (output, "/>\n");
}

void
_klynge_svg_text (KlyngeOutput *output,
                  int           x,
                  int           y,
                  const char   *anchor,
                  const char   *text)
{
  _klynge_svg_printf (output, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\">", x, y, anchor);
  _klynge_output_put_escaped (output, text, FALSE);
  KLYNGE_OUTPUT_PUT_LITERAL (output, "</text>\n");
}

const char *
_klynge_svg_colour (guint index)
{
  /* Tableau 10: distinct in colour and, mostly, in grey when printed */
  static const char * const colours[] = {
    "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1",
    "#76b7b2", "#edc948", "#ff9da7", "#9c755f", "#bab0ac",
  };

  return colours[index % G_N_ELEMENTS (colours)];
}

/* --- the consolidation picture ----------------------------------------- */

#define LINEAGE_LABEL_WIDTH 290
#define LINEAGE_TOP 34
#define LINEAGE_ROW 18
#define LINEAGE_BAR 10
#define LINEAGE_LEGEND 44
#define LINEAGE_RIGHT 24
/* names longer than this are cut, with an ellipsis, in the label column */
#define LINEAGE_LABEL_CHARS 44

typedef struct {
  const char *stroke;
  int width;
  const char *dashes;
  const char *label;
} MergerStyle;

/* merger: solid; absorption: dashed; transfer: dotted and red (the giver
 * lives on); rename: thick and blue (one body under a new name) */
static const MergerStyle merger_styles[] = {
  [KLYNGE_MERGER_KIND_MERGER] = { "#222222", 2, NULL, "merger" },
  [KLYNGE_MERGER_KIND_ABSORPTION] = { "#222222", 2, "6 3", "absorption" },
  [KLYNGE_MERGER_KIND_TRANSFER] = { "#c0392b", 2, "2 3", "transfer" },
  [KLYNGE_MERGER_KIND_RENAME] = { "#2e86c1", 4, NULL, "rename" },
};

static const MergerStyle *
merger_style (KlyngeMergerKind kind)
{
  return (guint) kind < G_N_ELEMENTS (merger_styles) ? &merger_styles[kind] : &merger_styles[0];
}

static KlyngeOrganisation *
organisation_at (KlyngeLandscape *landscape,
                 guint            index)
{
  return ((KlyngeOrgEntry *) g_ptr_array_index (landscape->organisations, index))->organisation;
}

static guint
find_root (guint *parent,
           guint  i)
{
  while (parent[i] != i)
    {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
  return i;
}

static void
join (guint *parent,
      guint  a,
      guint  b)
{
  a = find_root (parent, a);
  b = find_root (parent, b);
  /* the earlier organisation is the root, so roots are stable */
  if (a < b)
    parent[b] = a;
  else if (b < a)
    parent[a] = b;
}

/* An organisation's index in landscape order, or -1. */
static gint
index_of (GHashTable *indices,
          const char *id)
{
  gpointer value;

  if (id == NULL || !g_hash_table_lookup_extended (indices, id, NULL, &value))
    return -1;
  return GPOINTER_TO_INT (value);
}

typedef struct {
  KlyngeLandscape *landscape;
  GHashTable *indices;          /* id → index in landscape order */
  guint *parent;                /* union-find over the organisations */
  gboolean *merged;             /* named by a completed merger */
  GArray *rows;                 /* indices of the bodies drawn, in row order */
  gint *row_of;                 /* index → row, or -1 */
  guint n_chosen;
} Lineage;

static gboolean
merger_counts (KlyngeMerger *merger)
{
  return klynge_merger_get_status (merger) == KLYNGE_MERGER_STATUS_COMPLETED
    && klynge_date_is_set (klynge_merger_get_effective (merger));
}

/* Links the organisations of every completed merger. */
static void
lineage_link (Lineage *lineage)
{
  KlyngeLandscape *landscape = lineage->landscape;

  for (guint i = 0; i < landscape->mergers->len; i++)
    {
      KlyngeMerger *merger = g_ptr_array_index (landscape->mergers, i);
      const char * const *predecessors = klynge_merger_get_predecessors (merger);
      gint successor = index_of (lineage->indices, klynge_merger_get_successor (merger));

      if (!merger_counts (merger))
        continue;
      if (successor >= 0)
        lineage->merged[successor] = TRUE;
      for (guint j = 0; predecessors[j] != NULL; j++)
        {
          gint predecessor = index_of (lineage->indices, predecessors[j]);

          if (predecessor < 0)
            continue;
          lineage->merged[predecessor] = TRUE;
          if (successor >= 0)
            join (lineage->parent, (guint) predecessor, (guint) successor);
        }
    }
}

/* Chooses the bodies and their rows: each lineage together, lineages in
 * the order of their first organisation, organisations within one in
 * landscape order. */
static void
lineage_choose (Lineage               *lineage,
                KlyngeSvgLineageScope  scope,
                gint                   one)
{
  guint n = lineage->landscape->organisations->len;
  g_autofree gboolean *placed = g_new0 (gboolean, n);
  g_autoptr(GHashTable) members = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  guint one_root = one >= 0 ? find_root (lineage->parent, (guint) one) : G_MAXUINT;

  for (guint i = 0; i < n; i++)
    {
      guint root = find_root (lineage->parent, i);
      GArray *list;
      gboolean chosen = scope == KLYNGE_SVG_LINEAGE_ALL
        || (scope == KLYNGE_SVG_LINEAGE_MERGED && lineage->merged[i])
        || (scope == KLYNGE_SVG_LINEAGE_OF_ONE && root == one_root);

      if (!chosen)
        continue;
      lineage->n_chosen++;
      list = g_hash_table_lookup (members, GUINT_TO_POINTER (root));
      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (members, GUINT_TO_POINTER (root), list);
        }
      g_array_append_val (list, i);
    }
  /* roots come first in landscape order, so walking the organisations
   * meets each lineage at its first one */
  for (guint i = 0; i < n && lineage->rows->len < KLYNGE_SVG_LINEAGE_MAX_BODIES; i++)
    {
      guint root = find_root (lineage->parent, i);
      GArray *list = g_hash_table_lookup (members, GUINT_TO_POINTER (root));

      if (list == NULL || placed[root])
        continue;
      placed[root] = TRUE;
      for (guint k = 0; k < list->len && lineage->rows->len < KLYNGE_SVG_LINEAGE_MAX_BODIES; k++)
        {
          guint index = g_array_index (list, guint, k);

          lineage->row_of[index] = (gint) lineage->rows->len;
          g_array_append_val (lineage->rows, index);
        }
    }
}

typedef struct {
  guint32 first_day;            /* 1 January of the first year */
  guint32 last_day;             /* 31 December of the last year */
  guint first_year;
  guint last_year;
  int left;
  int width;                    /* of the plot */
} TimeAxis;

static int
axis_x (const TimeAxis *axis,
        guint32         day)
{
  day = CLAMP (day, axis->first_day, axis->last_day + 1);
  return axis->left + (int) ((gint64) (day - axis->first_day) * axis->width
                             / (gint64) (axis->last_day + 1 - axis->first_day));
}

static void
axis_widen (guint            *first,
            guint            *last,
            const KlyngeDate *date)
{
  if (date == NULL || !klynge_date_is_set (date))
    return;
  if (*first == 0 || date->year < *first)
    *first = date->year;
  if (date->year > *last)
    *last = date->year;
}

/* The years of the bodies drawn and of the landscape's dates. */
static void
lineage_axis (Lineage  *lineage,
              TimeAxis *axis)
{
  KlyngeDate first_date, last_date, day;
  guint first = 0, last = 0;

  for (guint r = 0; r < lineage->rows->len; r++)
    {
      KlyngeOrganisation *organisation = organisation_at (lineage->landscape, g_array_index (lineage->rows, guint, r));

      axis_widen (&first, &last, klynge_organisation_get_founded (organisation));
      axis_widen (&first, &last, klynge_organisation_get_dissolved (organisation));
    }
  if (klynge_landscape_get_date_span (lineage->landscape, &first_date, &last_date))
    {
      axis_widen (&first, &last, &first_date);
      axis_widen (&first, &last, &last_date);
    }
  if (first == 0)
    {
      klynge_date_init_today (&day);
      first = last = day.year;
    }
  axis->first_year = first;
  axis->last_year = last;
  klynge_date_init (&day, first, 1, 1);
  axis->first_day = klynge_date_get_first_day (&day);
  klynge_date_init (&day, last, 12, 31);
  axis->last_day = klynge_date_get_first_day (&day);
  axis->left = LINEAGE_LABEL_WIDTH;
  /* about 900 pixels whatever the span, but no year narrower than 8 */
  axis->width = (int) (last - first + 1) * CLAMP (900 / (int) (last - first + 1), 8, 40);
}

/* Year lines and labels, every 1, 2, 5 or 10 years as room allows. */
static void
draw_time_axis (KlyngeOutput   *output,
                const TimeAxis *axis,
                int             bottom)
{
  int per_year = axis->width / (int) (axis->last_year - axis->first_year + 1);
  guint step = per_year >= 32 ? 1 : per_year >= 16 ? 2 : per_year >= 7 ? 5 : 10;

  for (guint year = axis->first_year; year <= axis->last_year; year++)
    {
      KlyngeDate date;
      char label[8];
      int x;

      if (year % step != 0)
        continue;
      klynge_date_init (&date, year, 1, 1);
      x = axis_x (axis, klynge_date_get_first_day (&date));
      _klynge_svg_line (output, x, LINEAGE_TOP - 6, x, bottom, "#dddddd", 1, NULL);
      g_snprintf (label, sizeof label, "%u", year);
      _klynge_svg_text (output, x, LINEAGE_TOP - 10, "middle", label);
    }
}

static char *
life_text (KlyngeOrganisation *organisation)
{
  const KlyngeDate *founded = klynge_organisation_get_founded (organisation);
  const KlyngeDate *dissolved = klynge_organisation_get_dissolved (organisation);
  g_autofree char *f = _klynge_date_text (founded, "?");
  g_autofree char *d = _klynge_date_text (dissolved, "");

  return g_strdup_printf ("%s (%s): %s –%s%s", klynge_organisation_get_name (organisation),
                          klynge_record_get_id (KLYNGE_RECORD (organisation)), f, *d != '\0' ? " " : "", d);
}

/* A label that fits the label column. */
static char *
short_name (const char *name)
{
  if (g_utf8_strlen (name, -1) <= LINEAGE_LABEL_CHARS)
    return g_strdup (name);
  {
    g_autofree char *cut = g_utf8_substring (name, 0, LINEAGE_LABEL_CHARS - 1);
    return g_strconcat (cut, "…", NULL);
  }
}

/* Each body a bar from its founding to its dissolution: open-ended (an
 * arrow to the edge) when it has not been dissolved, pale from the edge
 * when its founding is not known. */
static void
draw_bodies (KlyngeOutput   *output,
             Lineage        *lineage,
             const TimeAxis *axis)
{
  for (guint r = 0; r < lineage->rows->len; r++)
    {
      KlyngeOrganisation *organisation = organisation_at (lineage->landscape, g_array_index (lineage->rows, guint, r));
      const KlyngeDate *founded = klynge_organisation_get_founded (organisation);
      const KlyngeDate *dissolved = klynge_organisation_get_dissolved (organisation);
      gboolean open_end = !klynge_date_is_set (dissolved);
      int y = LINEAGE_TOP + (int) r * LINEAGE_ROW;
      int x1 = klynge_date_is_set (founded) ? axis_x (axis, klynge_date_get_first_day (founded)) : axis->left;
      int x2 = open_end ? axis->left + axis->width : axis_x (axis, klynge_date_get_last_day (dissolved) + 1);
      const char *fill = _klynge_svg_colour (klynge_organisation_get_kind (organisation));
      g_autofree char *tooltip = life_text (organisation);
      g_autofree char *label = short_name (klynge_organisation_get_name (organisation));

      _klynge_svg_text (output, LINEAGE_LABEL_WIDTH - 8, y + LINEAGE_ROW / 2 + 4, "end", label);
      _klynge_svg_printf (output, "<g fill=\"%s\"%s><title>", fill,
                          klynge_date_is_set (founded) ? "" : " fill-opacity=\"0.45\"");
      _klynge_output_put_escaped (output, tooltip, FALSE);
      KLYNGE_OUTPUT_PUT_LITERAL (output, "</title>");
      _klynge_svg_printf (output, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>", x1,
                          y + (LINEAGE_ROW - LINEAGE_BAR) / 2, MAX (x2 - x1, 2), LINEAGE_BAR);
      if (open_end)
        _klynge_svg_printf (output, "<polygon points=\"%d,%d %d,%d %d,%d\"/>", x2, y + 2, x2 + 8,
                            y + LINEAGE_ROW / 2, x2, y + LINEAGE_ROW - 2);
      KLYNGE_OUTPUT_PUT_LITERAL (output, "</g>\n");
    }
}

/* Each completed merger between bodies drawn: a line at its effective
 * date from each predecessor's bar to the successor's, ending in a dot. */
static void
draw_mergers (KlyngeOutput   *output,
              Lineage        *lineage,
              const TimeAxis *axis)
{
  KlyngeLandscape *landscape = lineage->landscape;

  for (guint i = 0; i < landscape->mergers->len; i++)
    {
      KlyngeMerger *merger = g_ptr_array_index (landscape->mergers, i);
      const char * const *predecessors = klynge_merger_get_predecessors (merger);
      gint successor = index_of (lineage->indices, klynge_merger_get_successor (merger));
      const MergerStyle *style = merger_style (klynge_merger_get_kind (merger));
      g_autofree char *effective = NULL;
      int x, ys;

      if (!merger_counts (merger) || successor < 0 || lineage->row_of[successor] < 0)
        continue;
      effective = klynge_date_to_string (klynge_merger_get_effective (merger));
      x = axis_x (axis, klynge_date_get_first_day (klynge_merger_get_effective (merger)));
      ys = LINEAGE_TOP + lineage->row_of[successor] * LINEAGE_ROW + LINEAGE_ROW / 2;
      for (guint j = 0; predecessors[j] != NULL; j++)
        {
          gint predecessor = index_of (lineage->indices, predecessors[j]);
          g_autofree char *tooltip = NULL;
          int yp;

          if (predecessor < 0 || lineage->row_of[predecessor] < 0 || predecessor == successor)
            continue;
          yp = LINEAGE_TOP + lineage->row_of[predecessor] * LINEAGE_ROW + LINEAGE_ROW / 2;
          tooltip = g_strdup_printf ("%s %s: %s → %s", style->label, effective, predecessors[j],
                                     klynge_merger_get_successor (merger));
          KLYNGE_OUTPUT_PUT_LITERAL (output, "<g><title>");
          _klynge_output_put_escaped (output, tooltip, FALSE);
          KLYNGE_OUTPUT_PUT_LITERAL (output, "</title>");
          _klynge_svg_line (output, x, yp, x, ys, style->stroke, style->width, style->dashes);
          _klynge_svg_printf (output, "<circle cx=\"%d\" cy=\"%d\" r=\"3\" fill=\"%s\"/></g>\n", x, ys, style->stroke);
        }
    }
}

static void
draw_legend (KlyngeOutput *output,
             int           top)
{
  int x = 8;

  for (guint kind = 0; kind < G_N_ELEMENTS (merger_styles); kind++)
    {
      const MergerStyle *style = &merger_styles[kind];

      _klynge_svg_line (output, x, top + 10, x + 28, top + 10, style->stroke, style->width, style->dashes);
      _klynge_svg_text (output, x + 34, top + 14, "start", style->label);
      x += 120;
    }
  _klynge_svg_rect (output, x, top + 5, 28, LINEAGE_BAR, "#4e79a7", NULL);
  _klynge_svg_text (output, x + 34, top + 14, "start", "a body’s life (arrow: not dissolved; pale: founding not known)");
  x = 8;
  for (guint kind = KLYNGE_ORGANISATION_KIND_CLUSTER; kind <= KLYNGE_ORGANISATION_KIND_OTHER; kind++)
    {
      _klynge_svg_rect (output, x, top + 25, 12, LINEAGE_BAR, _klynge_svg_colour (kind), NULL);
      _klynge_svg_text (output, x + 16, top + 34, "start", klynge_enum_to_nick (KLYNGE_TYPE_ORGANISATION_KIND, kind));
      x += 140;
    }
}

guint
_klynge_svg_lineage (KlyngeOutput          *output,
                     KlyngeLandscape       *landscape,
                     KlyngeSvgLineageScope  scope,
                     const char            *id,
                     const char            *svg_id,
                     gboolean               standalone,
                     guint                 *n_drawn)
{
  guint n = landscape->organisations->len;
  g_autoptr(GHashTable) indices = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree guint *parent = g_new (guint, MAX (n, 1));
  g_autofree gboolean *merged = g_new0 (gboolean, MAX (n, 1));
  g_autofree gint *row_of = g_new (gint, MAX (n, 1));
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *description = NULL;
  Lineage lineage = { landscape, indices, parent, merged, rows, row_of, 0 };
  TimeAxis axis;
  int height, width;

  for (guint i = 0; i < n; i++)
    {
      g_hash_table_insert (indices, (gpointer) klynge_record_get_id (KLYNGE_RECORD (organisation_at (landscape, i))),
                           GUINT_TO_POINTER (i));
      parent[i] = i;
      row_of[i] = -1;
    }
  lineage_link (&lineage);
  lineage_choose (&lineage, scope, scope == KLYNGE_SVG_LINEAGE_OF_ONE ? index_of (indices, id) : -1);
  lineage_axis (&lineage, &axis);

  width = axis.left + axis.width + LINEAGE_RIGHT;
  height = LINEAGE_TOP + (int) rows->len * LINEAGE_ROW + 8 + LINEAGE_LEGEND;
  description = g_strdup_printf ("%u bodies drawn as bars over their lives from %u to %u%s, with the completed "
                                 "mergers, absorptions, transfers and renames between them as vertical lines "
                                 "at their effective dates.",
                                 rows->len, axis.first_year, axis.last_year,
                                 rows->len < lineage.n_chosen ? " (the first of more)" : "");
  _klynge_svg_open (output, svg_id, width, height,
                    scope == KLYNGE_SVG_LINEAGE_OF_ONE ? "The lineage of an organisation" : "The consolidation",
                    description, standalone);
  draw_time_axis (output, &axis, LINEAGE_TOP + (int) rows->len * LINEAGE_ROW);
  draw_bodies (output, &lineage, &axis);
  draw_mergers (output, &lineage, &axis);
  draw_legend (output, LINEAGE_TOP + (int) rows->len * LINEAGE_ROW + 8);
  _klynge_svg_close (output);
  *n_drawn = rows->len;
  return lineage.n_chosen;
}
