// Download the current chart (the view's SVG) as SVG or as a PNG drawn from it.
export function exportChart(format, view) {
  const node = document.querySelector("#chart svg");
  if (!node) return;
  const copy = node.cloneNode(true);
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  const bg = document.createElementNS("http://www.w3.org/2000/svg", "rect");
  bg.setAttribute("width", "100%");
  bg.setAttribute("height", "100%");
  bg.setAttribute("fill", "#fff");
  copy.insertBefore(bg, copy.firstChild);
  for (const hidden of copy.querySelectorAll(".overlay, .brush")) hidden.remove();
  const text = new XMLSerializer().serializeToString(copy);
  const blob = new Blob([text], { type: "image/svg+xml" });
  const name = `dateline-${view}`;
  if (format === "svg") return download(URL.createObjectURL(blob), `${name}.svg`);
  const width = node.viewBox.baseVal.width || node.clientWidth, height = node.viewBox.baseVal.height || node.clientHeight;
  const image = new Image();
  image.onload = () => {
    const canvas = document.createElement("canvas");
    canvas.width = width * 2;
    canvas.height = height * 2;
    const ctx = canvas.getContext("2d");
    ctx.scale(2, 2);
    ctx.drawImage(image, 0, 0, width, height);
    canvas.toBlob((png) => download(URL.createObjectURL(png), `${name}.png`), "image/png");
  };
  image.src = URL.createObjectURL(blob);
}

function download(url, filename) {
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}
