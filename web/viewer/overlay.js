// Draws marks (annotations) over a page image, as the app does: coordinates are PDF points of
// the page as shown, `scale` is CSS pixels per point.

import { SHAPES, TOOL, TOOL_OPACITY } from "./protocol.generated.js";

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
  context.save();
  context.globalAlpha = TOOL_OPACITY[mark.tool] ?? 1;
  context.strokeStyle = context.fillStyle = mark.color;
  context.lineWidth = Math.max(1, mark.width * scale);
  context.lineCap = mark.tool === TOOL.PEN ? "round" : "butt";
  context.lineJoin = "round";
  if (mark.tool === TOOL.TEXT) {
    const size = Math.max(6, Math.round(mark.width * scale));
    context.font = `${size}px "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", "Meiryo", "Meeting Japanese", sans-serif`;
    context.textBaseline = "top";
    mark.text.split("\n").forEach((line, i) => {
      context.fillText(line, points[0][0], points[0][1] + i * size * 1.25);
    });
  } else if (SHAPES.includes(mark.tool) && points.length >= 2) {
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
  context.restore();
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
