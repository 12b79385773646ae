/** How a generated sample portrait looks. */
export interface SampleImageOptions {
  readonly width: number;
  readonly height: number;
  /** Blur radius in px: a soft, low-sharpness photo. */
  readonly blur?: number;
  /** 0..1, multiplies the brightness: a dim, under-exposed photo. */
  readonly brightness?: number;
  /** JPEG quality of the generated file. */
  readonly quality?: number;
}

/**
 * Draws a synthetic selfie (head, eyes, brows, nose, mouth, hair, shoulders, a textured background) on a
 * canvas and encodes it as JPEG, so the samples need no binary file in the repository. Deterministic: the
 * same options give the same picture. It is a drawing, not a face: the emulator scores its sharpness and
 * exposure honestly, and liveness outcomes come from its scenarios.
 */
export async function generateSampleImage(options: SampleImageOptions): Promise<Blob> {
  const { width, height } = options;
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("2D canvas is not available");
  const s = Math.min(width, height) / 1000; // drawing unit: 1/1000 of the shorter side
  const cx = width / 2;
  const cy = height * 0.45;

  // Background: a soft wall with a fine deterministic texture, so the photo has real detail to score.
  const wall = ctx.createLinearGradient(0, 0, 0, height);
  wall.addColorStop(0, "#c9d6df");
  wall.addColorStop(1, "#8fa3b1");
  ctx.fillStyle = wall;
  ctx.fillRect(0, 0, width, height);
  let seed = 1234567;
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const speckles = Math.round((width * height) / 900);
  for (let i = 0; i < speckles; i++) {
    const shade = Math.round(120 + random() * 100);
    ctx.fillStyle = `rgba(${shade},${shade + 10},${shade + 20},0.35)`;
    ctx.fillRect(random() * width, random() * height, 2 * s + 1, 2 * s + 1);
  }

  // Shoulders and neck.
  ctx.fillStyle = "#2f4858";
  ctx.beginPath();
  ctx.ellipse(cx, height * 1.02, 420 * s, 260 * s, 0, Math.PI, 0);
  ctx.fill();
  ctx.fillStyle = "#d9a47e";
  ctx.fillRect(cx - 70 * s, cy + 230 * s, 140 * s, 170 * s);

  // Hair behind the head, the face, then the hair fringe.
  ctx.fillStyle = "#3b2a20";
  ctx.beginPath();
  ctx.ellipse(cx, cy - 40 * s, 250 * s, 300 * s, 0, 0, Math.PI * 2);
  ctx.fill();
  const skin = ctx.createRadialGradient(cx - 60 * s, cy - 80 * s, 40 * s, cx, cy, 320 * s);
  skin.addColorStop(0, "#f3c9a5");
  skin.addColorStop(1, "#c98e67");
  ctx.fillStyle = skin;
  ctx.beginPath();
  ctx.ellipse(cx, cy, 210 * s, 270 * s, 0, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = "#3b2a20";
  ctx.beginPath();
  ctx.ellipse(cx, cy - 230 * s, 215 * s, 90 * s, 0, Math.PI, 0);
  ctx.fill();

  // Eyes, brows, nose, mouth.
  for (const side of [-1, 1]) {
    const ex = cx + side * 85 * s;
    const ey = cy - 40 * s;
    ctx.fillStyle = "#ffffff";
    ctx.beginPath();
    ctx.ellipse(ex, ey, 42 * s, 22 * s, 0, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = "#4a3222";
    ctx.beginPath();
    ctx.arc(ex, ey, 16 * s, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = "#111111";
    ctx.beginPath();
    ctx.arc(ex, ey, 7 * s, 0, Math.PI * 2);
    ctx.fill();
    ctx.strokeStyle = "#3b2a20";
    ctx.lineWidth = 12 * s;
    ctx.beginPath();
    ctx.moveTo(ex - 45 * s, ey - 45 * s);
    ctx.quadraticCurveTo(ex, ey - 70 * s, ex + 45 * s, ey - 45 * s);
    ctx.stroke();
  }
  ctx.strokeStyle = "#a86f4c";
  ctx.lineWidth = 8 * s;
  ctx.beginPath();
  ctx.moveTo(cx, cy - 10 * s);
  ctx.lineTo(cx - 25 * s, cy + 70 * s);
  ctx.lineTo(cx + 10 * s, cy + 80 * s);
  ctx.stroke();
  ctx.strokeStyle = "#9c3f3f";
  ctx.lineWidth = 14 * s;
  ctx.beginPath();
  ctx.moveTo(cx - 70 * s, cy + 140 * s);
  ctx.quadraticCurveTo(cx, cy + 185 * s, cx + 70 * s, cy + 140 * s);
  ctx.stroke();

  let output: OffscreenCanvas = canvas;
  if ((options.blur ?? 0) > 0 || (options.brightness ?? 1) !== 1) {
    output = new OffscreenCanvas(width, height);
    const post = output.getContext("2d");
    if (!post) throw new Error("2D canvas is not available");
    post.filter = `blur(${options.blur ?? 0}px) brightness(${options.brightness ?? 1})`;
    post.drawImage(canvas, 0, 0);
  }
  return output.convertToBlob({ type: "image/jpeg", quality: options.quality ?? 0.92 });
}
