/**
 * graphology-layout-noverlap for a few discs, to the bit, without its grid: the countries' discs of the geographic
 * layout (geographic.ts). On each iteration noverlap fills a grid of 400 cells and a Set of string keys for the
 * pairs it has seen; for some forty discs and up to 300 iterations that was 87 ms of a 10,000-node open in the
 * browser, where the engine's code runs cold (docs/scale.md, "Both cores are busy already").
 *
 * The arithmetic is noverlap's: places and sizes held in 32-bit floats as in its matrix; each pair of discs that
 * collide pushes the later of the two (in the input's order) away from the earlier; the pushes on a disc add up in
 * 32-bit floats, in the order noverlap's grid meets the pairs (by the first cell the two share, then by the earlier
 * disc). A pair that collides always shares a cell, so the grid leaves none out. A unit test holds the two equal.
 */
export interface DiscsSettings {
  margin: number;
  ratio: number;
  expansion: number;
  gridSize: number;
  speed: number;
}

export function discsApart(discs: readonly { x: number; y: number; size: number }[], settings: DiscsSettings, maxIterations: number): { x: number; y: number }[] {
  const { margin, ratio, expansion, gridSize, speed } = settings;
  const n = discs.length;
  const m = new Float32Array(n * 3);
  discs.forEach((d, i) => {
    m[3 * i] = d.x;
    m[3 * i + 1] = d.y;
    m[3 * i + 2] = d.size || 1;
  });
  const deltaX = new Float32Array(n);
  const deltaY = new Float32Array(n);
  const col = new Int32Array(n);
  const row = new Int32Array(n);
  /** This iteration's collisions: the first cell the pair shares, then the pair. */
  const hits: [number, number, number][] = [];
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let xMin = Infinity;
    let yMin = Infinity;
    let xMax = -Infinity;
    let yMax = -Infinity;
    for (let i = 0; i < n; i++) {
      const size = m[3 * i + 2]! * ratio + margin;
      xMin = Math.min(xMin, m[3 * i]! - size);
      xMax = Math.max(xMax, m[3 * i]! + size);
      yMin = Math.min(yMin, m[3 * i + 1]! - size);
      yMax = Math.max(yMax, m[3 * i + 1]! + size);
    }
    const width = xMax - xMin;
    const height = yMax - yMin;
    const xCenter = (xMin + xMax) / 2;
    const yCenter = (yMin + yMax) / 2;
    xMin = xCenter - (expansion * width) / 2;
    xMax = xCenter + (expansion * width) / 2;
    yMin = yCenter - (expansion * height) / 2;
    yMax = yCenter + (expansion * height) / 2;
    // The first cell of each disc's box (the cells a pair shares start at the larger of the two in each direction).
    for (let i = 0; i < n; i++) {
      const size = m[3 * i + 2]! * ratio + margin;
      col[i] = Math.floor((gridSize * (m[3 * i]! - size - xMin)) / (xMax - xMin));
      row[i] = Math.floor((gridSize * (m[3 * i + 1]! - size - yMin)) / (yMax - yMin));
    }
    hits.length = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const xDist = m[3 * j]! - m[3 * i]!;
        const yDist = m[3 * j + 1]! - m[3 * i + 1]!;
        const dist = Math.sqrt(xDist * xDist + yDist * yDist);
        if (dist < m[3 * i + 2]! * ratio + margin + (m[3 * j + 2]! * ratio + margin)) hits.push([Math.max(col[i]!, col[j]!) * gridSize + Math.max(row[i]!, row[j]!), i, j]);
      }
    }
    if (hits.length === 0) break;
    hits.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    deltaX.fill(0);
    deltaY.fill(0);
    for (const [, i, j] of hits) {
      const xDist = m[3 * j]! - m[3 * i]!;
      const yDist = m[3 * j + 1]! - m[3 * i + 1]!;
      const dist = Math.sqrt(xDist * xDist + yDist * yDist);
      const s1 = m[3 * i + 2]!;
      if (dist > 0) {
        deltaX[j]! += (xDist / dist) * (1 + s1);
        deltaY[j]! += (yDist / dist) * (1 + s1);
      } else {
        // Discs on the very same spot: noverlap's jitter.
        deltaX[j]! += width * (0.01 * (0.5 - Math.random()));
        deltaY[j]! += height * (0.01 * (0.5 - Math.random()));
      }
    }
    for (let i = 0; i < n; i++) {
      m[3 * i]! += deltaX[i]! * 0.1 * speed;
      m[3 * i + 1]! += deltaY[i]! * 0.1 * speed;
    }
  }
  return discs.map((_, i) => ({ x: m[3 * i]!, y: m[3 * i + 1]! }));
}
