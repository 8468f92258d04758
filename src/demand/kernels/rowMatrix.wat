;; The kernels of a block of rows of the distribution's matrices (see rowMatrix.ts), in 128-bit SIMD:
;; the deterrence from the composite costs, Furness's half-step (gravity.ts MatrixAsk "balanceRows") and the
;; calibration's sums of trips and their times (MatrixAsk "meanTime").
;; Source of rowMatrix.wasm.ts: `npm run build:kernels` compiles it.
;;
;; Memory (imported, one per block; rowMatrix.ts lays it out, byte offsets as parameters):
;;   cost     n rows × z columns of f32: composite costs c_ij, generalized seconds (+∞: no way)
;;   f        n × z f32: the deterrence F_ij
;;   b        z f64: the column factors b_j (balancing) or the attractors D_j (deterrence)
;;   workers  n f64: O_i of each row
;;   rows     n f64 (out): each row's sum s_i = Σ_j F_ij b_j
;;   columns  z f64 (in/out): a_i F_ij added for every row, a_i = O_i / s_i (0 without workers or sum)
;;   time     n × z f32 (a block made with its times): expected physical times t_ij, seconds
;;   list     n i32: rows to sum (timeSums)
;;   pairs    2n f64 (out): per listed row, its trips and commuter-seconds
;;   factors  z f64 (a one-row block): the column factors b_j (trips)
;;   trips    z f64 (out, a one-row block): the row's trips a·b_j·F_j
;;   exp      the constants of demand/exp.ts (EXP_CONSTANTS)
;;
;; Deterrence: F_ij = e^(−β (c_ij − m_i)) rounded to f32, m_i the row's cheapest cost to a zone with jobs (0
;; when it reaches none); 0 to zones without jobs, for +∞ costs, below e^−708 and in rows without workers.
;; e^x is demand/exp.ts's expNonPositive step for step: k = x·32/ln2 rounded to nearest by adding and
;; removing 1.5·2^52, r = (x − k·ln2/32 high) − k·ln2/32 low, 2^(k/32) as 2^floor(k/32) (built in the exponent
;; bits: exact) times 2^((k mod 32)/32) from the table, times 1 + r(1 + r(1/2 + r(1/6 + r(1/24 + r(1/120 +
;; r/720))))): the same IEEE-754 operations in the same order, so the same bits as deterrenceRow's (tested).
;;
;; Sums are f64 whatever F's width. A row's sum takes its columns four at a time into two f64x2
;; accumulators (columns ≡ 0, 1 mod 4 and ≡ 2, 3 mod 4), adds their lanes ((lo₀ + lo₁) + (hi₀ + hi₁)),
;; then the last z mod 4 columns in order: a row's sum has the same bits whether it is taken with three
;; other rows or alone. Rows go four at a time (one load of b serves four rows; their 4 × z floats are still
;; in cache for the column sums), the last n mod 4 one at a time. Column sums are
;; columns[j] + (((a₀F₀ⱼ + a₁F₁ⱼ) + a₂F₂ⱼ) + a₃F₃ⱼ) for four rows, columns[j] + aF_j for one. WebAssembly
;; never fuses a multiply and an add: the bits are the same on every machine.
(module
  (import "env" "memory" (memory 1))

  ;; O_i / s_i, or 0 without workers or sum.
  (func $factor (param $w f64) (param $s f64) (result f64)
    (if (result f64)
      (i32.and (f64.gt (local.get $w) (f64.const 0)) (f64.gt (local.get $s) (f64.const 0)))
      (then (f64.div (local.get $w) (local.get $s)))
      (else (f64.const 0))))

  ;; (lo₀ + lo₁) + (hi₀ + hi₁).
  (func $lanes (param $lo v128) (param $hi v128) (result f64)
    (f64.add
      (f64.add (f64x2.extract_lane 0 (local.get $lo)) (f64x2.extract_lane 1 (local.get $lo)))
      (f64.add (f64x2.extract_lane 0 (local.get $hi)) (f64x2.extract_lane 1 (local.get $hi)))))

  ;; s + Σ F_rj b_j over the columns [from, z) of the row at byte offset r, in order.
  (func $tailSum (param $s f64) (param $r i32) (param $b i32) (param $from i32) (param $z i32) (result f64)
    (block $end
      (loop $next
        (br_if $end (i32.ge_u (local.get $from) (local.get $z)))
        (local.set $s (f64.add (local.get $s)
          (f64.mul (f64.promote_f32 (f32.load (i32.add (local.get $r) (i32.shl (local.get $from) (i32.const 2)))))
                   (f64.load (i32.add (local.get $b) (i32.shl (local.get $from) (i32.const 3)))))))
        (local.set $from (i32.add (local.get $from) (i32.const 1)))
        (br $next)))
    (local.get $s))

  ;; Rows [i, i + 4) from byte offset r (z × 4 bytes apart): their sums, factors and column sums.
  (func $four (param $r i32) (param $i i32) (param $z i32)
              (param $b i32) (param $workers i32) (param $rows i32) (param $columns i32)
    (local $j i32) (local $z4 i32) (local $p i32) (local $c i32)
    (local $o0 i32) (local $o1 i32) (local $o2 i32) (local $o3 i32)
    (local $bl v128) (local $bh v128) (local $v0 v128) (local $v1 v128) (local $v2 v128) (local $v3 v128)
    (local $lo0 v128) (local $lo1 v128) (local $lo2 v128) (local $lo3 v128)
    (local $hi0 v128) (local $hi1 v128) (local $hi2 v128) (local $hi3 v128)
    (local $a0 f64) (local $a1 f64) (local $a2 f64) (local $a3 f64)
    (local $a0v v128) (local $a1v v128) (local $a2v v128) (local $a3v v128)
    (local $s0 f64) (local $s1 f64) (local $s2 f64) (local $s3 f64) (local $w i32)
    (local.set $z4 (i32.and (local.get $z) (i32.const -4)))
    (local.set $o1 (i32.shl (local.get $z) (i32.const 2)))
    (local.set $o2 (i32.shl (local.get $o1) (i32.const 1)))
    (local.set $o3 (i32.add (local.get $o2) (local.get $o1)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $j) (local.get $z4)))
        (local.set $p (i32.add (local.get $r) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $c (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 3))))
        (local.set $bl (v128.load (local.get $c)))
        (local.set $bh (v128.load offset=16 (local.get $c)))
        (local.set $v0 (v128.load (i32.add (local.get $p) (local.get $o0))))
        (local.set $lo0 (f64x2.add (local.get $lo0) (f64x2.mul (f64x2.promote_low_f32x4 (local.get $v0)) (local.get $bl))))
        (local.set $hi0 (f64x2.add (local.get $hi0) (f64x2.mul (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v0) (local.get $v0))) (local.get $bh))))
        (local.set $v1 (v128.load (i32.add (local.get $p) (local.get $o1))))
        (local.set $lo1 (f64x2.add (local.get $lo1) (f64x2.mul (f64x2.promote_low_f32x4 (local.get $v1)) (local.get $bl))))
        (local.set $hi1 (f64x2.add (local.get $hi1) (f64x2.mul (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v1) (local.get $v1))) (local.get $bh))))
        (local.set $v2 (v128.load (i32.add (local.get $p) (local.get $o2))))
        (local.set $lo2 (f64x2.add (local.get $lo2) (f64x2.mul (f64x2.promote_low_f32x4 (local.get $v2)) (local.get $bl))))
        (local.set $hi2 (f64x2.add (local.get $hi2) (f64x2.mul (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v2) (local.get $v2))) (local.get $bh))))
        (local.set $v3 (v128.load (i32.add (local.get $p) (local.get $o3))))
        (local.set $lo3 (f64x2.add (local.get $lo3) (f64x2.mul (f64x2.promote_low_f32x4 (local.get $v3)) (local.get $bl))))
        (local.set $hi3 (f64x2.add (local.get $hi3) (f64x2.mul (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v3) (local.get $v3))) (local.get $bh))))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br $next)))
    (local.set $s0 (call $tailSum (call $lanes (local.get $lo0) (local.get $hi0)) (local.get $r) (local.get $b) (local.get $z4) (local.get $z)))
    (local.set $s1 (call $tailSum (call $lanes (local.get $lo1) (local.get $hi1)) (i32.add (local.get $r) (local.get $o1)) (local.get $b) (local.get $z4) (local.get $z)))
    (local.set $s2 (call $tailSum (call $lanes (local.get $lo2) (local.get $hi2)) (i32.add (local.get $r) (local.get $o2)) (local.get $b) (local.get $z4) (local.get $z)))
    (local.set $s3 (call $tailSum (call $lanes (local.get $lo3) (local.get $hi3)) (i32.add (local.get $r) (local.get $o3)) (local.get $b) (local.get $z4) (local.get $z)))
    (local.set $c (i32.add (local.get $rows) (i32.shl (local.get $i) (i32.const 3))))
    (f64.store offset=0 (local.get $c) (local.get $s0))
    (f64.store offset=8 (local.get $c) (local.get $s1))
    (f64.store offset=16 (local.get $c) (local.get $s2))
    (f64.store offset=24 (local.get $c) (local.get $s3))
    (local.set $w (i32.add (local.get $workers) (i32.shl (local.get $i) (i32.const 3))))
    (local.set $a0 (call $factor (f64.load offset=0 (local.get $w)) (local.get $s0)))
    (local.set $a1 (call $factor (f64.load offset=8 (local.get $w)) (local.get $s1)))
    (local.set $a2 (call $factor (f64.load offset=16 (local.get $w)) (local.get $s2)))
    (local.set $a3 (call $factor (f64.load offset=24 (local.get $w)) (local.get $s3)))
    (if (i32.and (i32.and (f64.eq (local.get $a0) (f64.const 0)) (f64.eq (local.get $a1) (f64.const 0)))
                 (i32.and (f64.eq (local.get $a2) (f64.const 0)) (f64.eq (local.get $a3) (f64.const 0))))
      (then (return)))
    (local.set $a0v (f64x2.splat (local.get $a0)))
    (local.set $a1v (f64x2.splat (local.get $a1)))
    (local.set $a2v (f64x2.splat (local.get $a2)))
    (local.set $a3v (f64x2.splat (local.get $a3)))
    (local.set $j (i32.const 0))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $j) (local.get $z4)))
        (local.set $p (i32.add (local.get $r) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $c (i32.add (local.get $columns) (i32.shl (local.get $j) (i32.const 3))))
        (local.set $v0 (v128.load (i32.add (local.get $p) (local.get $o0))))
        (local.set $v1 (v128.load (i32.add (local.get $p) (local.get $o1))))
        (local.set $v2 (v128.load (i32.add (local.get $p) (local.get $o2))))
        (local.set $v3 (v128.load (i32.add (local.get $p) (local.get $o3))))
        (v128.store (local.get $c) (f64x2.add (v128.load (local.get $c))
          (f64x2.add (f64x2.add (f64x2.add (f64x2.mul (local.get $a0v) (f64x2.promote_low_f32x4 (local.get $v0))) (f64x2.mul (local.get $a1v) (f64x2.promote_low_f32x4 (local.get $v1)))) (f64x2.mul (local.get $a2v) (f64x2.promote_low_f32x4 (local.get $v2)))) (f64x2.mul (local.get $a3v) (f64x2.promote_low_f32x4 (local.get $v3))))))
        (v128.store offset=16 (local.get $c) (f64x2.add (v128.load offset=16 (local.get $c))
          (f64x2.add (f64x2.add (f64x2.add (f64x2.mul (local.get $a0v) (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v0) (local.get $v0)))) (f64x2.mul (local.get $a1v) (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v1) (local.get $v1))))) (f64x2.mul (local.get $a2v) (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v2) (local.get $v2))))) (f64x2.mul (local.get $a3v) (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v3) (local.get $v3)))))))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br $next)))
    (block $end
      (loop $tail
        (br_if $end (i32.ge_u (local.get $j) (local.get $z)))
        (local.set $p (i32.add (local.get $r) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $c (i32.add (local.get $columns) (i32.shl (local.get $j) (i32.const 3))))
        (f64.store (local.get $c) (f64.add (f64.load (local.get $c))
          (f64.add (f64.add (f64.add (f64.mul (local.get $a0) (f64.promote_f32 (f32.load (local.get $p)))) (f64.mul (local.get $a1) (f64.promote_f32 (f32.load (i32.add (local.get $p) (local.get $o1)))))) (f64.mul (local.get $a2) (f64.promote_f32 (f32.load (i32.add (local.get $p) (local.get $o2)))))) (f64.mul (local.get $a3) (f64.promote_f32 (f32.load (i32.add (local.get $p) (local.get $o3))))))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $tail))))

  ;; Row i alone, at byte offset r: its sum, factor and column sums.
  (func $one (param $r i32) (param $i i32) (param $z i32)
             (param $b i32) (param $workers i32) (param $rows i32) (param $columns i32)
    (local $j i32) (local $z4 i32) (local $p i32) (local $c i32)
    (local $v0 v128) (local $lo v128) (local $hi v128) (local $s f64) (local $a f64) (local $av v128)
    (local.set $z4 (i32.and (local.get $z) (i32.const -4)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $j) (local.get $z4)))
        (local.set $c (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 3))))
        (local.set $v0 (v128.load (i32.add (local.get $r) (i32.shl (local.get $j) (i32.const 2)))))
        (local.set $lo (f64x2.add (local.get $lo) (f64x2.mul (f64x2.promote_low_f32x4 (local.get $v0)) (v128.load (local.get $c)))))
        (local.set $hi (f64x2.add (local.get $hi) (f64x2.mul (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v0) (local.get $v0))) (v128.load offset=16 (local.get $c)))))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br $next)))
    (local.set $s (call $tailSum (call $lanes (local.get $lo) (local.get $hi)) (local.get $r) (local.get $b) (local.get $z4) (local.get $z)))
    (f64.store (i32.add (local.get $rows) (i32.shl (local.get $i) (i32.const 3))) (local.get $s))
    (local.set $a (call $factor (f64.load (i32.add (local.get $workers) (i32.shl (local.get $i) (i32.const 3)))) (local.get $s)))
    (if (f64.eq (local.get $a) (f64.const 0)) (then (return)))
    (local.set $av (f64x2.splat (local.get $a)))
    (local.set $j (i32.const 0))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $j) (local.get $z4)))
        (local.set $c (i32.add (local.get $columns) (i32.shl (local.get $j) (i32.const 3))))
        (local.set $v0 (v128.load (i32.add (local.get $r) (i32.shl (local.get $j) (i32.const 2)))))
        (v128.store (local.get $c) (f64x2.add (v128.load (local.get $c)) (f64x2.mul (local.get $av) (f64x2.promote_low_f32x4 (local.get $v0)))))
        (v128.store offset=16 (local.get $c) (f64x2.add (v128.load offset=16 (local.get $c)) (f64x2.mul (local.get $av) (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v0) (local.get $v0))))))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br $next)))
    (block $end
      (loop $tail
        (br_if $end (i32.ge_u (local.get $j) (local.get $z)))
        (local.set $c (i32.add (local.get $columns) (i32.shl (local.get $j) (i32.const 3))))
        (f64.store (local.get $c) (f64.add (f64.load (local.get $c))
          (f64.mul (local.get $a) (f64.promote_f32 (f32.load (i32.add (local.get $r) (i32.shl (local.get $j) (i32.const 2))))))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $tail))))

  (func (export "balanceRows")
    (param $f i32) (param $z i32) (param $n i32)
    (param $b i32) (param $workers i32) (param $rows i32) (param $columns i32)
    (local $i i32) (local $row i32)
    (local.set $row (i32.shl (local.get $z) (i32.const 2)))
    (block $done
      (loop $next
        (br_if $done (i32.gt_u (i32.add (local.get $i) (i32.const 4)) (local.get $n)))
        (call $four (i32.add (local.get $f) (i32.mul (local.get $i) (local.get $row))) (local.get $i) (local.get $z)
                    (local.get $b) (local.get $workers) (local.get $rows) (local.get $columns))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $next)))
    (block $end
      (loop $tail
        (br_if $end (i32.ge_u (local.get $i) (local.get $n)))
        (call $one (i32.add (local.get $f) (i32.mul (local.get $i) (local.get $row))) (local.get $i) (local.get $z)
                   (local.get $b) (local.get $workers) (local.get $rows) (local.get $columns))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $tail))))

  ;; F of the row at byte offsets r (costs) and o (out), z columns, β per second; att: D_j; e: constants
  ;; (the table of 2^(f/32) at e + 80). With `wide`, F is stored as f64 (o: z doubles) before its rounding
  ;; to f32: what the tests compare with expNonPositive bit for bit.
  (func $deterrenceRow (param $r i32) (param $o i32) (param $z i32) (param $beta f64) (param $att i32) (param $e i32)
                       (param $wide i32) (result f64)
    (local $j i32) (local $z2 i32) (local $m f64) (local $mv v128) (local $c v128) (local $a v128)
    (local $x v128) (local $inf v128) (local $zero v128) (local $one v128) (local $nb v128) (local $mm v128)
    (local $lowest v128) (local $inv v128) (local $hi v128) (local $lo v128) (local $round v128)
    (local $c2 v128) (local $c3 v128) (local $c4 v128) (local $c5 v128) (local $c6 v128)
    (local $kd v128) (local $rem v128) (local $k v128) (local $t i32) (local $f v128) (local $sc f64)
    (local.set $z2 (i32.and (local.get $z) (i32.const -2)))
    (local.set $inf (f64x2.splat (f64.const inf)))
    (local.set $zero (f64x2.splat (f64.const 0)))
    (local.set $one (f64x2.splat (f64.const 1)))
    ;; m: the cheapest cost to a zone with jobs.
    (local.set $mv (local.get $inf))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $j) (local.get $z2)))
        (local.set $c (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $r) (i32.shl (local.get $j) (i32.const 2))))))
        (local.set $a (v128.load (i32.add (local.get $att) (i32.shl (local.get $j) (i32.const 3)))))
        ;; pmin(m, c) is c < m ? c : m: deterrenceRow's rule (a NaN cost never becomes m).
        (local.set $mv (f64x2.pmin (local.get $mv)
          (v128.bitselect (local.get $c) (local.get $inf) (f64x2.gt (local.get $a) (local.get $zero)))))
        (local.set $j (i32.add (local.get $j) (i32.const 2)))
        (br $next)))
    (local.set $m (f64x2.extract_lane 0 (local.get $mv)))
    (local.set $sc (f64x2.extract_lane 1 (local.get $mv)))
    (if (f64.lt (local.get $sc) (local.get $m)) (then (local.set $m (local.get $sc))))
    (if (i32.lt_u (local.get $j) (local.get $z))
      (then
        (local.set $sc (f64.promote_f32 (f32.load (i32.add (local.get $r) (i32.shl (local.get $j) (i32.const 2))))))
        (if (i32.and
              (f64.gt (f64.load (i32.add (local.get $att) (i32.shl (local.get $j) (i32.const 3)))) (f64.const 0))
              (f64.lt (local.get $sc) (local.get $m)))
          (then (local.set $m (local.get $sc))))))
    (if (f64.eq (local.get $m) (f64.const inf)) (then (local.set $m (f64.const 0))))
    (local.set $nb (f64x2.splat (f64.neg (local.get $beta))))
    (local.set $mm (f64x2.splat (local.get $m)))
    (local.set $inv (v128.load64_splat (local.get $e)))
    (local.set $hi (v128.load64_splat offset=8 (local.get $e)))
    (local.set $lo (v128.load64_splat offset=16 (local.get $e)))
    (local.set $round (v128.load64_splat offset=24 (local.get $e)))
    (local.set $lowest (v128.load64_splat offset=32 (local.get $e)))
    (local.set $c2 (v128.load64_splat offset=40 (local.get $e)))
    (local.set $c3 (v128.load64_splat offset=48 (local.get $e)))
    (local.set $c4 (v128.load64_splat offset=56 (local.get $e)))
    (local.set $c5 (v128.load64_splat offset=64 (local.get $e)))
    (local.set $c6 (v128.load64_splat offset=72 (local.get $e)))
    (local.set $t (i32.add (local.get $e) (i32.const 80)))
    (local.set $j (i32.const 0))
    ;; Pairs of columns; an odd last column as a pair whose second lane is neither loaded nor stored.
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $j) (local.get $z)))
        (if (i32.lt_u (local.get $j) (local.get $z2))
          (then
            (local.set $c (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $r) (i32.shl (local.get $j) (i32.const 2))))))
            (local.set $a (v128.load (i32.add (local.get $att) (i32.shl (local.get $j) (i32.const 3))))))
          (else
            (local.set $c (f64x2.promote_low_f32x4 (v128.load32_zero (i32.add (local.get $r) (i32.shl (local.get $j) (i32.const 2))))))
            (local.set $a (v128.load64_zero (i32.add (local.get $att) (i32.shl (local.get $j) (i32.const 3)))))))
        ;; x = −β (c − m); e^x as expNonPositive takes it: k = x·32/ln2 to nearest, r = x − k·ln2/32.
        (local.set $x (f64x2.mul (local.get $nb) (f64x2.sub (local.get $c) (local.get $mm))))
        (local.set $kd (f64x2.sub (f64x2.add (f64x2.mul (local.get $x) (local.get $inv)) (local.get $round)) (local.get $round)))
        (local.set $rem (f64x2.sub (f64x2.sub (local.get $x) (f64x2.mul (local.get $kd) (local.get $hi)))
                                   (f64x2.mul (local.get $kd) (local.get $lo))))
        ;; k in lanes 0 and 1 (saturating: a lane masked out below cannot trap).
        (local.set $k (i32x4.trunc_sat_f64x2_s_zero (local.get $kd)))
        (local.set $f
          (v128.and
            (f64x2.mul
              (f64x2.mul
                ;; 2^((k mod 32)/32) from the table, times 2^floor(k/32) built in the exponent bits …
                (f64x2.replace_lane 1
                  (f64x2.splat (f64.load (i32.add (local.get $t)
                    (i32.shl (i32.and (i32x4.extract_lane 0 (local.get $k)) (i32.const 31)) (i32.const 3)))))
                  (f64.load (i32.add (local.get $t)
                    (i32.shl (i32.and (i32x4.extract_lane 1 (local.get $k)) (i32.const 31)) (i32.const 3)))))
                (i64x2.shl
                  (i64x2.add (i64x2.extend_low_i32x4_s (i32x4.shr_s (local.get $k) (i32.const 5))) (i64x2.splat (i64.const 1023)))
                  (i32.const 52)))
              ;; … times e^r.
              (f64x2.add (local.get $one) (f64x2.mul (local.get $rem)
                (f64x2.add (local.get $one) (f64x2.mul (local.get $rem)
                  (f64x2.add (local.get $c2) (f64x2.mul (local.get $rem)
                    (f64x2.add (local.get $c3) (f64x2.mul (local.get $rem)
                      (f64x2.add (local.get $c4) (f64x2.mul (local.get $rem)
                        (f64x2.add (local.get $c5) (f64x2.mul (local.get $rem) (local.get $c6))))))))))))))
            ;; 0 to zones without jobs, for +∞ costs and below e^−708 (not x < lowest: a NaN stays NaN, as in
            ;; expNonPositive).
            (v128.and (f64x2.gt (local.get $a) (local.get $zero)) (v128.not (f64x2.lt (local.get $x) (local.get $lowest))))))
        (if (local.get $wide)
          (then
            (if (i32.lt_u (local.get $j) (local.get $z2))
              (then (v128.store (i32.add (local.get $o) (i32.shl (local.get $j) (i32.const 3))) (local.get $f)))
              (else (v128.store64_lane 0 (i32.add (local.get $o) (i32.shl (local.get $j) (i32.const 3))) (local.get $f)))))
          (else
            (local.set $f (f32x4.demote_f64x2_zero (local.get $f)))
            (if (i32.lt_u (local.get $j) (local.get $z2))
              (then (v128.store64_lane 0 (i32.add (local.get $o) (i32.shl (local.get $j) (i32.const 2))) (local.get $f)))
              (else (v128.store32_lane 0 (i32.add (local.get $o) (i32.shl (local.get $j) (i32.const 2))) (local.get $f))))))
        (local.set $j (i32.add (local.get $j) (i32.const 2)))
        (br $next)))
    (local.get $m))

  ;; One row's F as f64 (see $deterrenceRow's `wide`), for the tests.
  (func (export "deterrenceRowWide") (param $cost i32) (param $out i32) (param $z i32) (param $beta f64)
                                     (param $att i32) (param $e i32)
    (drop (call $deterrenceRow (local.get $cost) (local.get $out) (local.get $z) (local.get $beta) (local.get $att)
                               (local.get $e) (i32.const 1))))

  (func (export "deterrence")
    (param $cost i32) (param $f i32) (param $z i32) (param $n i32) (param $beta f64)
    (param $att i32) (param $workers i32) (param $e i32)
    (local $i i32) (local $row i32)
    (local.set $row (i32.shl (local.get $z) (i32.const 2)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        ;; A zone without workers produces no trips: its row is never read with a non-zero factor.
        (if (f64.gt (f64.load (i32.add (local.get $workers) (i32.shl (local.get $i) (i32.const 3)))) (f64.const 0))
          (then (drop (call $deterrenceRow
            (i32.add (local.get $cost) (i32.mul (local.get $i) (local.get $row)))
            (i32.add (local.get $f) (i32.mul (local.get $i) (local.get $row)))
            (local.get $z) (local.get $beta) (local.get $att) (local.get $e) (i32.const 0))))
          (else (memory.fill (i32.add (local.get $f) (i32.mul (local.get $i) (local.get $row))) (i32.const 0) (local.get $row))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  ;; One row's trips T_j = (a·b_j)·F_j (tripsOf in workers/demandWork.ts): F made into f as deterrence
  ;; makes it (att: the attractors), then scaled by a and the column factors b (f64) into out (f64). The
  ;; row's m is the result.
  (func (export "trips") (param $cost i32) (param $f i32) (param $z i32) (param $beta f64) (param $att i32)
                         (param $e i32) (param $a f64) (param $b i32) (param $out i32) (result f64)
    (local $m f64) (local $j i32)
    (local.set $m (call $deterrenceRow (local.get $cost) (local.get $f) (local.get $z) (local.get $beta)
                                       (local.get $att) (local.get $e) (i32.const 0)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $j) (local.get $z)))
        (f64.store (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 3)))
          (f64.mul (f64.mul (local.get $a) (f64.load (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 3)))))
                   (f64.promote_f32 (f32.load (i32.add (local.get $f) (i32.shl (local.get $j) (i32.const 2)))))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $next)))
    (local.get $m))

  ;; The calibration's sums over listed rows (calibrate.ts timeSums): for row r = list[q], its trips
  ;; Σ_j w_j and its commuter-seconds Σ_j w_j t_rj, w_j = b_j F_rj, a cell with w_j = 0 adding nothing (its
  ;; time may be +∞), into out[2q] and out[2q + 1]. Lanes as a row's sum in balanceRows: columns four at a
  ;; time into two f64x2 accumulators each, (lo₀ + lo₁) + (hi₀ + hi₁), then the last z mod 4 in order.
  ;; t: n × z f32 times (seconds) beside f.
  (func (export "timeSums")
    (param $f i32) (param $t i32) (param $z i32) (param $b i32) (param $list i32) (param $count i32)
    (param $out i32)
    (local $q i32) (local $j i32) (local $z4 i32) (local $pf i32) (local $pt i32) (local $c i32)
    (local $v v128) (local $u v128) (local $w v128)
    (local $tlo v128) (local $thi v128) (local $slo v128) (local $shi v128)
    (local $x f64) (local $trips f64) (local $seconds f64)
    (local.set $z4 (i32.and (local.get $z) (i32.const -4)))
    (block $rowsDone
      (loop $row
        (br_if $rowsDone (i32.ge_u (local.get $q) (local.get $count)))
        (local.set $pf (i32.mul (i32.load (i32.add (local.get $list) (i32.shl (local.get $q) (i32.const 2))))
                                (i32.shl (local.get $z) (i32.const 2))))
        (local.set $pt (i32.add (local.get $t) (local.get $pf)))
        (local.set $pf (i32.add (local.get $f) (local.get $pf)))
        (local.set $tlo (v128.const i64x2 0 0))
        (local.set $thi (v128.const i64x2 0 0))
        (local.set $slo (v128.const i64x2 0 0))
        (local.set $shi (v128.const i64x2 0 0))
        (local.set $j (i32.const 0))
        (block $done
          (loop $next
            (br_if $done (i32.ge_u (local.get $j) (local.get $z4)))
            (local.set $c (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 3))))
            (local.set $v (v128.load (i32.add (local.get $pf) (i32.shl (local.get $j) (i32.const 2)))))
            (local.set $u (v128.load (i32.add (local.get $pt) (i32.shl (local.get $j) (i32.const 2)))))
            (local.set $w (f64x2.mul (v128.load (local.get $c)) (f64x2.promote_low_f32x4 (local.get $v))))
            (local.set $tlo (f64x2.add (local.get $tlo) (local.get $w)))
            (local.set $slo (f64x2.add (local.get $slo)
              (v128.and (f64x2.mul (local.get $w) (f64x2.promote_low_f32x4 (local.get $u)))
                        (f64x2.ne (local.get $w) (v128.const i64x2 0 0)))))
            (local.set $w (f64x2.mul (v128.load offset=16 (local.get $c))
              (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v) (local.get $v)))))
            (local.set $thi (f64x2.add (local.get $thi) (local.get $w)))
            (local.set $shi (f64x2.add (local.get $shi)
              (v128.and (f64x2.mul (local.get $w)
                          (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $u) (local.get $u))))
                        (f64x2.ne (local.get $w) (v128.const i64x2 0 0)))))
            (local.set $j (i32.add (local.get $j) (i32.const 4)))
            (br $next)))
        (local.set $trips (call $lanes (local.get $tlo) (local.get $thi)))
        (local.set $seconds (call $lanes (local.get $slo) (local.get $shi)))
        (block $end
          (loop $tail
            (br_if $end (i32.ge_u (local.get $j) (local.get $z)))
            (local.set $x (f64.mul (f64.load (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 3))))
                                   (f64.promote_f32 (f32.load (i32.add (local.get $pf) (i32.shl (local.get $j) (i32.const 2)))))))
            (if (f64.ne (local.get $x) (f64.const 0))
              (then
                (local.set $trips (f64.add (local.get $trips) (local.get $x)))
                (local.set $seconds (f64.add (local.get $seconds)
                  (f64.mul (local.get $x) (f64.promote_f32 (f32.load (i32.add (local.get $pt) (i32.shl (local.get $j) (i32.const 2))))))))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $tail)))
        (f64.store (i32.add (local.get $out) (i32.shl (local.get $q) (i32.const 4))) (local.get $trips))
        (f64.store offset=8 (i32.add (local.get $out) (i32.shl (local.get $q) (i32.const 4))) (local.get $seconds))
        (local.set $q (i32.add (local.get $q) (i32.const 1)))
        (br $row))))
)
