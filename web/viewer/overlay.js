// Draws marks (annotations) over a page image, as the app does: coordinates are PDF points of
// the page as shown, `scale` is CSS pixels per point.

// LAYER_STYLE: the look each layer adds (meeting/core/mark_layers.py): a private note, which only
// its owner receives, is tinted so it is never taken for the room's marks.
import { LAYER, LAYER_STYLE, SHAPES, TOOL, TOOL_OPACITY } from "./protocol.generated.js";

export function drawMarks(canvas, annotations, scale, widthPt, heightPt) {
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(widthPt * scale * ratio);
  canvas.height = Math.round(heightPt * scale * ratio);
  canvas.style.width = `${widthPt * scale}px`;
  canvas.style.height = `${heightPt * scale}px`;
  const context = canvas.getContext("2d");
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, widthPt * scale, heightPt * scale);
  for (const mark of annotations) {
    if (mark.points.length) drawMark(context, mark, scale);
  }
}

function drawMark(context, mark, scale) {
  const points = mark.points.map(([x, y]) => [x * scale, y * scale]);
  const style = LAYER_STYLE[mark.layer] ?? LAYER_STYLE[LAYER.SHARED];
  if (mark.tool === TOOL.TEXT) {
    drawNote(context, mark, points[0], scale, style);
    return;
  }
  const width = Math.max(1, mark.width * scale);
  if (style.halo) {
    context.save();
    context.globalAlpha = style.halo_opacity;
    context.strokeStyle = context.fillStyle = style.halo;
    context.lineWidth = width + 2 * style.halo_px;
    context.lineCap = context.lineJoin = "round";
    drawGeometry(context, { ...mark, pressure: [] }, points, scale);
    context.restore();
  }
  context.save();
  context.globalAlpha = TOOL_OPACITY[mark.tool] ?? 1;
  context.strokeStyle = context.fillStyle = mark.color;
  context.lineWidth = width;
  context.lineCap = mark.tool === TOOL.PEN ? "round" : "butt";
  context.lineJoin = "round";
  if (style.dashed && SHAPES.includes(mark.tool)) context.setLineDash([3 * width, 2 * width]);
  drawGeometry(context, mark, points, scale);
  context.restore();
}

function drawNote(context, mark, corner, scale, style) {
  const size = Math.max(6, Math.round(mark.width * scale));
  const lines = mark.text.split("\n");
  context.save();
  context.font = `${size}px "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", "Meiryo", "Meeting Japanese", sans-serif`;
  context.textBaseline = "top";
  if (style.note_fill || style.note_border) {
    const pad = 3;
    const width = Math.max(...lines.map((line) => context.measureText(line).width));
    const height = lines.length * size * 1.25;
    context.fillStyle = style.note_fill ?? "transparent";
    context.fillRect(corner[0] - pad, corner[1] - pad, width + 2 * pad, height + 2 * pad);
    if (style.note_border) {
      context.strokeStyle = style.note_border;
      context.lineWidth = 1;
      context.setLineDash([4, 3]);
      context.strokeRect(corner[0] - pad, corner[1] - pad, width + 2 * pad, height + 2 * pad);
    }
    if (style.badge) {
      drawLock(context, [corner[0] + width + pad, corner[1] - pad], Math.max(9, size * 0.75),
        style.note_border ?? style.halo);
    }
  }
  context.globalAlpha = TOOL_OPACITY[TOOL.TEXT];
  context.fillStyle = mark.color;
  lines.forEach((line, i) => {
    context.fillText(line, corner[0], corner[1] + i * size * 1.25);
  });
  context.restore();
}

// A small padlock in a disc, "only you see this" (as meeting/ui/ink_painter.py paint_lock).
function drawLock(context, [x, y], size, color) {
  const unit = size / 10;
  context.save();
  context.setLineDash([]);
  context.fillStyle = color;
  context.beginPath();
  context.arc(x, y, size / 2, 0, 2 * Math.PI);
  context.fill();
  context.fillStyle = context.strokeStyle = "#ffffff";
  context.fillRect(x - 2.2 * unit, y - 0.6 * unit, 4.4 * unit, 3.4 * unit);
  context.lineWidth = Math.max(1, 0.9 * unit);
  context.beginPath();
  context.arc(x, y - 1, 1.5 * unit, Math.PI, 2 * Math.PI);
  context.stroke();
  context.restore();
}

function drawGeometry(context, mark, points, scale) {
  if (SHAPES.includes(mark.tool) && points.length >= 2) {
    drawShape(context, mark, points.at(0), points.at(-1), scale);
  } else if (mark.pressure?.length === points.length && points.length > 1) {
    context.lineCap = "round";
    for (let i = 1; i < points.length; i += 1) {
      context.lineWidth = Math.max(0.75, mark.width * scale * (mark.pressure[i - 1] + mark.pressure[i]) / 2);
      line(context, points[i - 1], points[i]);
    }
  } else if (points.length === 1) {
    context.beginPath();
    context.arc(points[0][0], points[0][1], context.lineWidth / 2, 0, 2 * Math.PI);
    context.fill();
  } else {
    context.beginPath();
    context.moveTo(...points[0]);
    for (const point of points.slice(1)) context.lineTo(...point);
    context.stroke();
  }
}

function drawShape(context, mark, start, end, scale) {
  if (mark.tool === TOOL.RECT) {
    context.strokeRect(Math.min(start[0], end[0]), Math.min(start[1], end[1]),
      Math.abs(end[0] - start[0]), Math.abs(end[1] - start[1]));
    return;
  }
  line(context, start, end);
  if (mark.tool === TOOL.ARROW) {
    const length = Math.max(10, mark.width * scale * 4);
    const angle = Math.atan2(end[1] - start[1], end[0] - start[0]);
    for (const side of [-1, 1]) {
      const spread = angle + Math.PI - side * (28 * Math.PI / 180);
      line(context, end, [end[0] + Math.cos(spread) * length, end[1] + Math.sin(spread) * length]);
    }
  }
}

function line(context, a, b) {
  context.beginPath();
  context.moveTo(...a);
  context.lineTo(...b);
  context.stroke();
}
