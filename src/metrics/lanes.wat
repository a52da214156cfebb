;; The inner loop of reliance-lanes.ts in WebAssembly SIMD: a node's loss from
;; its suppliers, two lanes (f64x2) per instruction. It computes exactly what
;; fromSuppliers in lane-rows.ts computes, lane by lane and in the same order
;; (no fused multiply-add), so the figures are the same to the bit; a test
;; checks that on random graphs.
;;
;; Compiled into lanes-wasm.ts by `npm run build:wasm` (scripts/build-wasm.ts);
;; a test fails when that file is not this one compiled.
;;
;; Memory, laid out by lane-rows.ts: the supply index's groupStart,
;; memberStart, memberSource (u32), memberShare (f64), each node's width (u16),
;; the loss rows (f64, `stride` bytes per node, 16-aligned) and one row of sums
;; (`acc`). Lanes past a row's width are 0, so a row is read in whole pairs:
;; the extra lane adds 0.
(module
  (import "env" "memory" (memory 1))
  (global $groupStart (mut i32) (i32.const 0))
  (global $memberStart (mut i32) (i32.const 0))
  (global $memberSource (mut i32) (i32.const 0))
  (global $memberShare (mut i32) (i32.const 0))
  (global $width (mut i32) (i32.const 0))
  (global $loss (mut i32) (i32.const 0))
  (global $acc (mut i32) (i32.const 0))
  (global $stride (mut i32) (i32.const 0))

  ;; Byte addresses of the arrays above, and a row's length in bytes.
  (func (export "setup") (param i32 i32 i32 i32 i32 i32 i32 i32)
    (global.set $groupStart (local.get 0))
    (global.set $memberStart (local.get 1))
    (global.set $memberSource (local.get 2))
    (global.set $memberShare (local.get 3))
    (global.set $width (local.get 4))
    (global.set $loss (local.get 5))
    (global.set $acc (local.get 6))
    (global.set $stride (local.get 7)))

  ;; Node $v's loss in lanes [0, $w), added to the row at byte address $dst
  ;; (zeros there). The first input's suppliers are summed straight into the
  ;; row; each further input's into $acc, then kept where larger (pmax); the
  ;; row is capped at 1 (pmin). Returns 1 when any input carried a loss.
  (func (export "fromSuppliers") (param $v i32) (param $w i32) (param $dst i32) (result i32)
    (local $bytes i32) (local $g i32) (local $g1 i32) (local $m i32) (local $m1 i32)
    (local $n i32) (local $src i32) (local $k i32)
    (local $any i32) (local $seen i32) (local $direct i32) (local $share v128)
    ;; Lanes [0, $w) rounded up to whole pairs, in bytes.
    (local.set $bytes (i32.shl (i32.and (i32.add (local.get $w) (i32.const 1)) (i32.const -2)) (i32.const 3)))
    (local.set $g (i32.load (i32.add (global.get $groupStart) (i32.shl (local.get $v) (i32.const 2)))))
    (local.set $g1 (i32.load offset=4 (i32.add (global.get $groupStart) (i32.shl (local.get $v) (i32.const 2)))))
    (local.set $direct (i32.const 1))
    (block $groupsDone
      (loop $groups
        (br_if $groupsDone (i32.ge_u (local.get $g) (local.get $g1)))
        (local.set $seen (i32.const 0))
        (local.set $m (i32.load (i32.add (global.get $memberStart) (i32.shl (local.get $g) (i32.const 2)))))
        (local.set $m1 (i32.load offset=4 (i32.add (global.get $memberStart) (i32.shl (local.get $g) (i32.const 2)))))
        (block $membersDone
          (loop $members
            (br_if $membersDone (i32.ge_u (local.get $m) (local.get $m1)))
            ;; $n: the supplier's width; a supplier with none carries no loss.
            (local.set $src (i32.load (i32.add (global.get $memberSource) (i32.shl (local.get $m) (i32.const 2)))))
            (local.set $n (i32.load16_u (i32.add (global.get $width) (i32.shl (local.get $src) (i32.const 1)))))
            (if (local.get $n)
              (then
                (local.set $n (i32.shl (i32.and (i32.add (local.get $n) (i32.const 1)) (i32.const -2)) (i32.const 3)))
                (local.set $share (f64x2.splat (f64.load (i32.add (global.get $memberShare) (i32.shl (local.get $m) (i32.const 3))))))
                (local.set $src (i32.add (global.get $loss) (i32.mul (local.get $src) (global.get $stride))))
                (local.set $k (i32.const 0))
                (if (local.get $direct)
                  (then
                    (loop $add
                      (v128.store (i32.add (local.get $dst) (local.get $k))
                        (f64x2.add (v128.load (i32.add (local.get $dst) (local.get $k)))
                          (f64x2.mul (local.get $share) (v128.load (i32.add (local.get $src) (local.get $k))))))
                      (local.set $k (i32.add (local.get $k) (i32.const 16)))
                      (br_if $add (i32.lt_u (local.get $k) (local.get $n)))))
                  (else
                    (if (local.get $seen)
                      (then
                        (loop $accAdd
                          (v128.store (i32.add (global.get $acc) (local.get $k))
                            (f64x2.add (v128.load (i32.add (global.get $acc) (local.get $k)))
                              (f64x2.mul (local.get $share) (v128.load (i32.add (local.get $src) (local.get $k))))))
                          (local.set $k (i32.add (local.get $k) (i32.const 16)))
                          (br_if $accAdd (i32.lt_u (local.get $k) (local.get $n)))))
                      (else
                        ;; The first supplier of a further input sets its sums, and clears the rest up to $w.
                        (loop $accSet
                          (v128.store (i32.add (global.get $acc) (local.get $k))
                            (f64x2.mul (local.get $share) (v128.load (i32.add (local.get $src) (local.get $k)))))
                          (local.set $k (i32.add (local.get $k) (i32.const 16)))
                          (br_if $accSet (i32.lt_u (local.get $k) (local.get $n))))
                        (block $clearDone
                          (loop $clear
                            (br_if $clearDone (i32.ge_u (local.get $k) (local.get $bytes)))
                            (v128.store (i32.add (global.get $acc) (local.get $k)) (v128.const i64x2 0 0))
                            (local.set $k (i32.add (local.get $k) (i32.const 16)))
                            (br $clear)))))))
                (local.set $seen (i32.const 1))))
            (local.set $m (i32.add (local.get $m) (i32.const 1)))
            (br $members)))
        (if (local.get $seen)
          (then
            (local.set $any (i32.const 1))
            (if (i32.eqz (local.get $direct))
              (then
                (local.set $k (i32.const 0))
                (block $maxDone
                  (loop $max
                    (br_if $maxDone (i32.ge_u (local.get $k) (local.get $bytes)))
                    ;; pmax(row, acc) = row < acc ? acc : row, as the JavaScript's `if (acc > row) row = acc`.
                    (v128.store (i32.add (local.get $dst) (local.get $k))
                      (f64x2.pmax (v128.load (i32.add (local.get $dst) (local.get $k)))
                        (v128.load (i32.add (global.get $acc) (local.get $k)))))
                    (local.set $k (i32.add (local.get $k) (i32.const 16)))
                    (br $max)))))))
        (local.set $direct (i32.const 0))
        (local.set $g (i32.add (local.get $g) (i32.const 1)))
        (br $groups)))
    (if (local.get $any)
      (then
        (local.set $k (i32.const 0))
        (block $capDone
          (loop $cap
            (br_if $capDone (i32.ge_u (local.get $k) (local.get $bytes)))
            ;; pmin(row, 1) = 1 < row ? 1 : row.
            (v128.store (i32.add (local.get $dst) (local.get $k))
              (f64x2.pmin (v128.load (i32.add (local.get $dst) (local.get $k))) (v128.const f64x2 1 1)))
            (local.set $k (i32.add (local.get $k) (i32.const 16)))
            (br $cap)))))
    (local.get $any)))
