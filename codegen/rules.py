r"""Stability rules: one :class:`Rule` type, one registry ordered by priority.

A rule is data: a name, the rewrite (``apply``: find the pattern, put the
replacement), the id of the derivation that proves the identity it rests on
(``derivations.library``; a test proves every one), the accuracy it gains, and
a priority (lower runs first).  :func:`stabilize` applies every rule once, in
order, and says which fired.

========================  =====================================================================
rule                      identity
========================  =====================================================================
``log_sigmoid``           $\log \frac{1}{1 + e^{-x}} = -\operatorname{sp}(-x)$
``log_one_minus_sigmoid`` $\log\bigl(1 - \frac{1}{1 + e^{-x}}\bigr) = -\operatorname{sp}(x)$
``log_sigmoid_pair``      $a \log\sigma(s) + b \log\sigma(-s) = (a + b)\log\sigma(-s) + a\,s$ where $a + b$ drops a parameter (:mod:`codegen.rules_logit`)
``gaussian_tail``         $e^{A}\Phi(u)^k = e^{A - k u^2/2}(\tfrac12\operatorname{erfcx}(-u/\sqrt2))^k$ for $u < 0$ where the exponent simplifies; $\operatorname{erfc}(v) = e^{-v^2}\operatorname{erfcx}(v)$ the same (:mod:`codegen.rules_gaussian_tail`)
``erfc_ndtr``             $k\operatorname{erfc}(z) - 2k = -2k\,\Phi(\sqrt2 z)$ (sympy writes $\operatorname{erfc}(-z)$ as $2 - \operatorname{erfc}(z)$), before ``log_ndtr``
``cos_minus_one``         $k\cos u - k = -2k\sin^2\frac{u}{2}$ (:mod:`codegen.rules_trig`)
``log_atan_complement``   $\log(c + k\arctan v) = \operatorname{log1p}(-k\arctan\frac1v)$ for $v \ge 1$ where $c + k\frac{\pi}{2} = 1$; for $c = 0$, $v = e^{w}$, $w < 0$: $\log k + w + \log\frac{\arctan u}{u}$ (:mod:`codegen.rules_trig`)
``tail_difference``       $F(u) - F(v) = \bar F(v) - \bar F(u)$ for $F$ in erf (as $2\Phi(\sqrt2\,\cdot)$), $\Phi$, arctan, where the points lean to the upper tail (costly: search only; :mod:`codegen.rules_tail_difference`)
``atan_reflection``       $\frac{\pi}{2} + \arctan u = \arctan(-1/u)$ for $u < 0$ (and $\frac{\pi}{2} - \arctan u = \arctan(1/u)$ for $u > 0$), times a coefficient (:mod:`codegen.rules_atan`)
``log1p_power``           $\operatorname{log1p}(A^{p}) = p\log A + \operatorname{log1p}(A^{-p})$ where $p \log A > 0$, $\log A$ as the logs of its factors (:mod:`codegen.rules_log1p_power`)
``power_ratio_over_numerator`` $(u/v)^{p} u^{-k} = (u/v)^{p - k} v^{-k}$ for an exponent not a number, an integer $k \ge 1$ (:mod:`codegen.rules_power_ratio`)
``unit_sum_complement``   $k\sum_i p_i^{q} - k = k\sum_i p_i \operatorname{expm1}((q - 1)\log p_i)$ for a softmax $p$ ($\sum_i p_i = 1$) (:mod:`codegen.rules_unit_sum`)
``weighted_powers_complement`` $c - \sum_k w_k e^{(a - a_0) L_k} = -\sum_k w_k \operatorname{expm1}((a - a_0) L_k)$ for powers $b^{e_0 + e_1 a}$ whose values $w_k$ at a pivot $a_0$ add up to $c$ by algebra (:mod:`codegen.rules_weighted_powers`)
``mixture_with_one``      $\log(a + (1 - a)e^{w}) = \operatorname{log1p}((1 - a)\operatorname{expm1}(w))$ (:mod:`codegen.rules_mixture_one`)
``ratio_before_unequal_powers`` $u^{k} v^{-l} = (u/v)^{\min(k, l)} u^{k - l}$ (or $v^{k - l}$) for integers $k \ne l$ (costly: search only; :mod:`codegen.rules_ratio`)
``softplus_reflection``   $c_1 v + c\log(1 + e^{v}) = (c_1 + c) v + c\log(1 + e^{-v})$ for $v > 0$, where $c_1 + c$ cancels symbolically; also $\log(1 + u)$ as $v = \log u$ beside $c_1 \log u$ (:mod:`codegen.rules_logit`)
``log_softmax_split``     $\log \frac{e^{a}}{\sum_j e^{f_j}} = a - \log \sum_j e^{f_j}$
``log_constant_plus_exp_sum`` $\log(c + \sum_j e^{f_j}) = \log c + \operatorname{sp}(\log\sum_j e^{f_j} - \log c)$ for a number $c > 0$ (before ``logsumexp_shift``)
``logsumexp_shift``       $\log \sum_j e^{f_j} = m + \log \sum_j e^{f_j - m}$, $m = \max_j f_j$
``weights_as_softmax``    $\frac{w_i}{\sum_j w_j} = \frac{e^{\log w_i}}{\sum_j e^{\log w_j}}$ for positive weights, products of powers of $c + t$, before ``exp_normalize`` (costly: search only; :mod:`codegen.rules_log_weights`)
``softmax_square_offset`` $\frac{e^{a_i}}{\sum_j e^{a_j}}$ with each square $k(u_j + v)^2$ of the logits as $k\,u_j(u_j + 2v)$, the shared $k v^2$ dropped, before ``exp_normalize`` (costly: search only; :mod:`codegen.rules_softmax_offset`)
``exp_normalize``         $\frac{e^{a_i}}{\sum_j e^{f_j}} = \frac{e^{a_i - m}}{\sum_j e^{f_j - m}}$
``log_sum_exp_sums``      $\log\sum_i \sum_k c_k e^{a_{ik}} = M + \log\sum_i \sum_k c_k e^{a_{ik} - M}$, $M = \max_{i,k} a_{ik}$, for weights $c_k > 0$, $\cosh$ as two exponentials (:mod:`codegen.rules_exp_sums`)
``exp_pair_hyperbolic``   $c e^{u} + c e^{-u} = 2c\cosh u$, $c e^{u} - c e^{-u} = 2c\sinh u$ (:mod:`codegen.rules_exp_sums`)
``hyperbolic_normalize``  $\frac{\sinh v}{\sum_i \cosh u_i} = \frac{\operatorname{sign}(v) e^{|v| - M}(-\operatorname{expm1}(-2|v|))/2}{\sum_i e^{|u_i| - M}(1 + e^{-2|u_i|})/2}$, $M = \max_i |u_i|$ (and $\cosh v$ on top) (:mod:`codegen.rules_exp_sums`)
``softmax_power``         $\frac{e^{a}}{(\sum_j e^{f_j})^{p}} = \frac{e^{a - p m}}{(\sum_j e^{f_j - m})^{p}}$ for a number $p > 0$, $p \ne 1$ (:mod:`codegen.rules_softmax_power`)
``exp_normalize_offset``  $\frac{e^{u}}{c + \sum_j e^{f_j}} = \frac{e^{u - m}}{c e^{-m} + \sum_j e^{f_j - m}}$, $m = \max_j f_j$, for a number $c > 0$, where $m > 0$
``softplus_stable``       $\log(1 + e^{x}) = \max(x, 0) + \operatorname{log1p}(e^{-|x|})$
``log1p_expm1``           $\log(1 + t) = \operatorname{log1p}(t)$, $e^{x} - 1 = \operatorname{expm1}(x)$; $\log|1 + t| = \operatorname{log1p}(t)$ for $t > -1$, else $\log(-1 - t)$
``power_as_exp``          $b^{u} = e^{u \log b}$ for a base $b > 0$ (a size) and an exponent holding an array entry, before the softmax rules (:mod:`codegen.rules_power`)
``power_expm1``           $b^{t} - 1 = \operatorname{expm1}(t \log b)$ for $b > 0$, a non-number exponent; $1 - e^{u} = -\operatorname{expm1}(u)$ (:mod:`codegen.rules_power`)
``integer_power_minus_one`` $(1 + t)^{k} - 1 = t\sum_{j=0}^{k-1}(1 + t)^{j}$ for an integer $2 \le k \le 8$ (:mod:`codegen.rules_geometric`)
``softplus_after_power``  ``softplus_stable`` again after ``power_expm1``, whose $\log b$ of a sigmoid $b$ is a new $\log(1 + e^{-z})$ (before ``log1p_expm1`` takes it)
``power_over_base``       $A^{p} A^{q} = A^{p + q}$, $\frac{A^{p} + R}{A} = A^{p - 1} + \frac{R}{A}$ for an exponent not a number (:mod:`codegen.rules_power`)
``log_add_exp``           $\log(e^{a} + e^{b}) = \max(a, b) + \operatorname{log1p}(e^{-|a - b|})$; of more terms $M + \log\sum_k e^{a_k - M}$, $M = \max_k a_k$ (:mod:`codegen.rules_power`)
``log_add_weighted_exp``  $\log\sum_k c_k e^{a_k} = M + \log\sum_k c_k e^{a_k - M}$, $M = \max_k a_k$, for weights $c_k$ free of exponentials (:mod:`codegen.rules_power`)
``log_add_near_top``      $\log\sum_k c_k e^{a_k - M} = \operatorname{log1p}(\sum_k c_k e^{a_k - M} - 1)$, the 1 taken from the first top term, where the sum is above $\tfrac12$; then $a_k - M$ held (costly: search only; :mod:`codegen.rules_power`)
``sigmoid_tanh``          $c - \frac{2c}{1 + e^{u}} = c\tanh(u/2)$ for a number $c$ (costly: search only)
``log_cosh_power``        $\log(\cosh^{k} u) = k\log\cosh u$ for a real number $k$, then $\log\cosh$'s stable form
``log_hyperbolic_factor`` $\log(P\sinh^{k} u\cosh^{m} v) = k|u| + m|v| + \log(P s(u)^{k} c(v)^{m})$, $s(u) = \operatorname{sign}(u)\frac{-\operatorname{expm1}(-2|u|)}{2}$, $c(v) = \frac{1 + e^{-2|v|}}{2}$ (:mod:`codegen.rules_log_hyperbolic`)
``log_share``             $\log\frac{a}{a + b} = -\operatorname{log1p}\frac{b}{a}$, $(\frac{a}{a + b})^{p} = e^{-p\operatorname{log1p}(b/a)}$ for a term $a$ of the sum, no exponentials (:mod:`codegen.rules_log_quotient`)
``log_expm1_factor``      $\log(P(e^{u} - 1)^{k}) = k\max(u, 0) + \log(P(\operatorname{sign}(u)(-\operatorname{expm1}(-|u|)))^{k})$ beside other factors (:mod:`codegen.rules_log_hyperbolic`)
``log_expm1``             $\log(e^{u} - 1) = u + \log(1 - e^{-u})$ for $u \ge 1$ (then ``log1mexp``)
``log_of_negative_expm1`` $\log(-\operatorname{expm1}(a)) = \operatorname{log1p}(-e^{a})$ for $a \le -\log 2$, after ``power_expm1`` (:mod:`codegen.rules_exp_underflow`)
``log_at_least_one``      $\log(1 - (1 - u)^{c}) = \log c + \log(-\log(1 - u))$ where $w = c\log(1 - u)$ underflows, $\log u$ in log space ($a\log x$ for $x^{a}$); else ``log1mexp`` of $w$ (costly: search only; :mod:`codegen.rules_at_least_one`)
``log1mexp_of_exp``       $\log(1 - e^{-e^{w}}) = w + \log\frac{-\operatorname{expm1}(-e^{w})}{e^{w}}$ for $w < 0$, $w$ where $e^{w}$ underflows (:mod:`codegen.rules_exp_underflow`)
``log_of_softplus``      $\log\log(1 + e^{w}) = w + \log\frac{\operatorname{log1p}(e^{w})}{e^{w}}$ for $w < 0$, $w$ where $e^{w}$ underflows (:mod:`codegen.rules_exp_underflow`)
``log_of_mean``           $\log(\frac1n\sum_i f_i) = \operatorname{log1p}(\frac1n\sum_i (f_i - 1))$ near 1, else $\log\frac1n + \log\sum_i f_i$ (costly: search only; :mod:`codegen.rules_power`)
``term_over_sum``         $\frac{a w}{w + b} = \frac{a}{1 + b/w}$ for $|w| \ge |b|$ (costly: search only; :mod:`codegen.rules_fraction`)
``over_large_term``       $\frac{N}{b + w} = \frac{N/w}{1 + b/w}$ for $|w| \ge |b|$, a number $b$ and a monomial $w$ with a power (costly: search only; :mod:`codegen.rules_fraction`)
``log_difference_of_exp`` $\log(c e^{u} - c e^{v}) = \log|c| + u + \log(-\operatorname{expm1}(v - u))$ for $u > v$, $v - u$ by algebra (:mod:`codegen.rules_log_difference`)
``lerp_weights``          $a + s(b - a) = (1 - s)a + s b$, $1 - s$ expanded (costly: search only; :mod:`codegen.rules_lerp`)
``cancelling_terms``      $R + \frac{N}{D} = \frac{R D + N}{D}$ where a term of the expanded numerator cancels (costly: search only; :mod:`codegen.rules_cancelling_terms`)
``step_sum_select``       $w S = w S$ where $S > 0$, else 0, for a sum $S$ of products of steps (costly: search only; :mod:`codegen.rules_step_sum`)
``softplus_ratio``        $\log\frac{1 + e^{a}}{1 + e^{b}} = \operatorname{log1p}(\sigma(b)\operatorname{expm1}(a - b))$, or a log-add-exp for $|a - b| \ge 1$ (costly: search only; :mod:`codegen.rules_softplus_ratio`)
``power_of_softplus``     $(1 + c\,e^{u})^{p} = e^{p \log(1 + e^{u + \log c})}$ for $c > 0$, a non-number exponent (:mod:`codegen.rules_power`)
``power_log1p``           $(1 + t)^{p} = e^{p \operatorname{log1p}(t)}$, $t > -1$, a non-number exponent (costly: search only; :mod:`codegen.rules_power`)
``sigmoid_difference``    $\sigma(a) - \sigma(b) = \operatorname{sign}(a - b)\frac{e^{-m}(-\operatorname{expm1}(-|a - b|))}{(1 + e^{-|a|})(1 + e^{-|b|})}$, $m = \max(0, \min(a, b), -\max(a, b))$ (costly: search only; :mod:`codegen.rules_sigmoid_difference`)
``sigmoid_stable``        $\frac{1}{1 + e^{-x}}$ with ``exp`` of a non-positive number only
``constant_minus_max``    $c - k\max(a, b) = \min(c - k a, c - k b)$ (and $\min \to \max$) for a number $k > 0$ (:mod:`codegen.rules_cancel`)
``one_minus_sigmoid``     $1 - \frac{1}{1 + e^{a}} = \frac{1}{1 + e^{-a}}$
``shift_collect``         $c\,a - c\,m = c\,(a - m)$ for a max-shift $m$ (and a scale $c$ shifted after it is factored out)
``difference_of_squares`` $k\sum_j u_j^2 - k\sum_j v_j^2 = k\sum_j (u_j - v_j)(u_j + v_j)$
``log1p_large_product``   $\operatorname{log1p}(t) = \sum_f e_f \log|f| + \operatorname{log1p}(1/t)$ for $t = \prod_f f^{e_f} > 1$ (:mod:`codegen.rules_log`)
``log1p_large_quotient``  the same for a product of factors with exponents $\pm 1$, $\operatorname{log1p}(\xi x/\sigma)$ (costly: search only; :mod:`codegen.rules_log`)
``log_of_exp_quotient``   $\log\frac{c\,e^{a}}{D} = a + \log c - \log D$ for a number $c > 0$ and a sum $D$ (:mod:`codegen.rules_log`)
``common_denominator``    $R + \frac{N}{D} = \frac{R D + N}{D}$ where the expanded numerator loses a symbol (:mod:`codegen.rules_fraction`)
``scale_over_argument``   $k\,f(a/k) = a\,\frac{f(u)}{u}$, $u = a/k$, for $f$ in tanh, sin, sinh, atan, asinh (:mod:`codegen.rules_ratio`)
``argument_over_scale``   $\frac{f(k a)}{k} = a\,\frac{f(u)}{u}$, $u = k a$, for $f$ in tanh, sin, sinh, atan, asinh, expm1, log1p (:mod:`codegen.rules_ratio`)
``sum_into_branch``       $R + c\,[v \text{ if } C] = [R + c v \text{ if } C \wedge f_k > 0]$, each $\log\prod f_k^{e_k}$ as $\sum e_k\log f_k$ and collected, where a coefficient cancels (:mod:`codegen.rules_sum_into_branch`)
``sum_into_large_branch`` ``sum_into_branch`` again after ``log1p_large_product``, whose large branch $\log|P|$ of $\log(1 + P)$ holds $\log|f|$ ($f \ne 0$) and terms linear in a symbol that the sum beside it cancels ($\ell + \frac{\nu + 1}{2}(\dots - 2\ell)$)
``log1mexp_product``      $\log(-\operatorname{expm1} a) = \log|c| + \sum_k e_k\log|f_k| + a/2$ for $|a| < 10^{-8}$, $a = c\prod_k f_k^{e_k}$ of two factors or more, which underflows before its log does (:mod:`codegen.rules_log1mexp_product`)
``sigmoid_reflection``    $\frac{k}{1 + e^{-v}} + R = (k + R) - \frac{k}{1 + e^{v}}$ for $v > 0$ where $k + R$ cancels by algebra (:mod:`codegen.rules_sigmoid_reflection`)
``log_exp_near_one``      $\log(e^{u} + R) = \operatorname{log1p}(\operatorname{expm1}(u) + R)$ where the sum is at least $\tfrac12$, $R$ free of exponentials (costly: search only; :mod:`codegen.rules_log_exp_near_one`)
``log_i0e_large``         $\log\operatorname{i0e}(z) = -\frac12\log(2\pi) - \frac12\log|z|$ for $|z| > 10^{17}$, $\log|z|$ from the factors of $z$ (:mod:`codegen.rules_bessel_large`)
``complete_square``       $s A^2 + s B^2 \pm 2 s A B = s(A \pm B)^2$ in a sum (costly: search only; :mod:`codegen.rules_complete_square`)
``log_exp_plus_exp_sum``  $\log(k e^{b} + \sum_j e^{f_j}) = \log k + b + \operatorname{sp}(L - \log k - b)$, $L$ the shifted log-sum-exp (after ``log_of_exp_quotient``)
``scale_over_even_argument`` $k\,f(a/k) = C (k u) u$ for $|u| < 10^{-8}$, $u = a/k$, $f$ even with $f(u) = C u^2 + O(u^4)$ ($\log\cosh$, $1 - \cos$, $\cosh - 1$) (:mod:`codegen.rules_even_scale`)
``exp_over_exp_offset``   $\frac{e^{u}}{k e^{b} + \sum_j e^{f_j}} = \frac{e^{u - b}}{k + \sum_j e^{f_j - b}}$, before ``exp_normalize_offset``
``power_mean_scale``      $(c\sum_j |u_j|^p + R)^{q} = M^{pq}(c\sum_j (|u_j|/M)^p + R M^{-p})^{q}$, $M = \max_j |u_j| \ge 1$, $p > 0$ (costly: search only; :mod:`codegen.rules_power_mean`)
``abs_pair``              $k|u| \mp k u = 2k\max(\mp u, 0)$ in a sum, so that the two meet before the other terms (:mod:`codegen.rules_abs_pair`)
``logistic_of_exp``       $\frac{e^{u}}{(1 + e^{u})^{2}} = \sigma(u)\,\sigma(-u)$, $\frac{e^{u}}{1 + e^{u}} = \sigma(u)$ (:mod:`codegen.rules_cancel`)
``weighted_logistic_of_exp`` $\frac{c\,e^{u}}{(1 + c\,e^{u})^{2}} = \frac{e^{-|v|}}{(1 + e^{-|v|})^2}$, $v = u + \log c$, for $c > 0$ (a ``where`` on $c > 0$) (:mod:`codegen.rules_cancel`)
``logistic_in_log``       $\log\frac{e^{u}}{1 + e^{u}} = \log\frac{1}{1 + e^{-u}}$, before the log-sigmoid rules (:mod:`codegen.rules_cancel`)
``exp_absorb``            $e^{v}(c + e^{w}) = c\,e^{v} + e^{v + w}$ where $v + w$ cancels (:mod:`codegen.rules_cancel`)
``scales_into_sum``       $\frac{\sum_i u_i v_i}{M_u M_v} = \sum_i \frac{u_i}{M_u}\frac{v_i}{M_v}$ after ``scaled_sqrt`` (:mod:`codegen.rules_ratio`)
``scale_into_entry``      $\frac{a\,u_i}{M_u} = a\,\frac{u_i}{M_u}$ for a scale $M_u \ge \max_j |u_j|$ of ``scaled_sqrt`` (:mod:`codegen.rules_ratio`)
``mean_from_top``         $A - \frac{\sum_i w_i v_i}{S} = (A - c) - \frac{\sum_i w_i (v_i - c)}{S}$, $c$ the value at the top weight (:mod:`codegen.rules_softmax`)
``one_minus_top``         $A + \frac{w_k}{S} = (A + 1) - \frac{S - 1}{S}$ at the top index, $S - 1$ without adding 1 (:mod:`codegen.rules_softmax`)
``softmax_difference``    $p_i - q_i = q_i \operatorname{expm1}(d_i - \operatorname{log1p}\sum_j q_j \operatorname{expm1}(d_j))$ for softmaxes of $a$, $b$, $d = a - b$, where $\max_j |d_j| \le 1$ (costly: search only; :mod:`codegen.rules_softmax_gap`)
``logsumexp_log1p``       $\log\sum_j e^{h_j} = \operatorname{log1p}(\sum_{h_j < 0} e^{h_j} + \#\{h_j = 0\} - 1)$ (costly: search only)
``ratio_before_power``    $\frac{u^k}{v^k} = (u/v)^k$ for an integer $k \ge 2$ (:mod:`codegen.rules_ratio`)
``product_before_power``  $u^k v^k = (u v)^k$ for an integer $k \ge 2$ (costly: search only; :mod:`codegen.rules_ratio`)
``power_of_ratio``        $(u/v)^{p} = e^{p(\log u - \log v)}$ for $u \ge 0$, $v > 0$, $p$ not an integer, beyond the float range of $u/v$ (costly: search only; :mod:`codegen.rules_ratio`)
``log_beta``              $k\log\Gamma(a) + k\log\Gamma(b) - k\log\Gamma(a + b) = k\log B(a, b)$, ``betaln`` (:mod:`codegen.rules_log`)
``log_gamma_difference``  $k\log\Gamma(b + h) - k\log\Gamma(b) = k\log\,(b)_h$ for $b > 0$, $0 < h \le 1$ (:mod:`codegen.rules_log`)
``exact_product``         $c + k\,a\,b = \operatorname{fma}(k a, b, c)$, the product's rounding error added back (:mod:`codegen.rules_exact`; search only)
``log_of_root_sum``       $\log(u + \sqrt{u^2 + c}) = \operatorname{asinh}(u/\sqrt{c}) + \tfrac12\log c$ for a number $c > 0$ (:mod:`codegen.rules_root`)
``root_of_product``       $\sqrt{a b} = \sqrt{|a|}\sqrt{|b|}$ where $\operatorname{sign} a \operatorname{sign} b \ge 0$ (:mod:`codegen.rules_root`)
``radicand_beside_root`` $(A + c)^{k} = M^{k}(M\hat A + c/M)^{k}$ for the radicand $A = M^2\hat A$ of a root in the expression, before ``scaled_sqrt`` (:mod:`codegen.rules_root_beside`)
``root_difference``       $k\sqrt{A} - k c = k\frac{A - c^2}{\sqrt{A} + c}$ near $\sqrt{A} = c$ (and $\sqrt{A} - \sqrt{B}$) (:mod:`codegen.rules_root`)
``ratio_of_equal_sums``   $\frac{\sum_i u_i (c + v_i)}{\sum_j u_j} = c + \frac{\sum_i u_i v_i}{\sum_j u_j}$, $c$ free of $i$ (:mod:`codegen.rules_sums`)
``log_of_quotient``       $\log t = \sum_f e_f \log|f|$ for a product $t > 0$ beyond the float range (costly: search only; :mod:`codegen.rules_logspace`)
``log_of_product_sum``    $\log\sum_k P_k = M + \log\sum_k s_k e^{\ell_k - M}$, $\ell_k$ the log of the product $P_k$, $M = \max_k \ell_k$ (costly: search only; :mod:`codegen.rules_logspace`)
``log_space_product``     $P\,e^{w} = \operatorname{sign}(P)\,e^{\log|P| + w}$, also for $P\cosh^k u$ ($k$ of either sign) (costly: search only; :mod:`codegen.rules_logspace`)
``log_space_monomial``    $c\prod_f f^{e_f} = c\,\operatorname{sign}(P)\,e^{\sum_f e_f \log|f|}$ for a quotient of linear factors ($x - m$; two with a fractional power, $t\,w^{-3/2}$; also inside a ``Piecewise``'s branches), where $\sum_f |e_f \log|f|| \ge 600$ (costly: search only; :mod:`codegen.rules_logspace`)
``expm1_quotient``        $\frac{P}{\operatorname{expm1}(L)} = \operatorname{sign}(P)\frac{e^{\log|P| - L}}{-\operatorname{expm1}(-L)}$ for $L$ beyond the float range (costly: search only; :mod:`codegen.rules_logspace`)
``homogeneous_scale``     $F(x) = F(x/M)$, $M = \max_j |x_j|$, for a product of degree 0 in $x$ (costly: search only; :mod:`codegen.rules_homogeneous`)
``homogeneous_scalars``   $F(a) = M^{d} F(a/M)$ for sums homogeneous in scalar parameters (costly: search only; :mod:`codegen.rules_homogeneous`)
``paired_quotient``       $\frac{a b}{v} = \frac{a}{v} b = a \frac{b}{v}$, $\frac{a}{v w} = \frac{a/v}{w}$, the order chosen by the magnitudes (costly: search only; :mod:`codegen.rules_pairing`)
``log_of_positive_product`` $\log \prod_f f^{e_f} = \sum_f e_f \log f$ for factors $f > 0$, one a sum (costly: search only; :mod:`codegen.rules_log`)
``scale_into_terms``      $k (A + B) = k A + k B$ where $k$ cancels in a term (costly: search only; :mod:`codegen.rules_fraction`)
``scale_into_branches``   $k \begin{cases} A \\ B \end{cases} = \begin{cases} k A \\ k B \end{cases}$ where $k$ cancels in a branch (costly: search only; :mod:`codegen.rules_fraction`)
``power_bregman``        $A x^{\beta} + B y^{\beta} + C x y^{\beta - 1} = A y^{\beta}(\varphi(\beta L) - \beta\varphi(L))$, $L = \operatorname{log1p}\frac{x - y}{y}$, $\varphi(u) = e^{u} - 1 - u$, where $A\beta + C = 0 = A + B + C$ (costly: search only; :mod:`codegen.rules_bregman`)
``log_bregman``          $k (x/y)^{p} - k p \log\frac{x}{y} - k = k\,\varphi(p L)$, $L = \operatorname{log1p}\frac{x - y}{y}$, near $x = y > 0$ (the gamma deviance, Itakura-Saito; costly: search only; :mod:`codegen.rules_bregman`)
``polynomial_quotient_scale`` $\frac{N(x)}{D(x)} = \frac{N(x)/M^{d}}{D(x)/M^{d}}$, $M = \max(1, \max_j |x_j|)$, for $N$, $D$ polynomials of degree $d$ in $x$ (costly: search only; :mod:`codegen.rules_quotient_scale`)
``quotient_into_sum``     $\frac{A + c\sum_i u_i v_i}{D} = \frac{A}{D} + c\sum_i \frac{u_i v_i}{D}$, each product divided in ``paired_quotient``'s order (costly: search only; :mod:`codegen.rules_pairing`)
``scale_into_summand``    $k \sum_i (\sum_t u_{t,i}) v_i = \sum_i (\sum_t k u_{t,i}) v_i$ where $k = c^p$ and a $u_t$ divides by $c$ (costly: search only; :mod:`codegen.rules_scale_into_summand`)
``stirling_branch``       $F(u) = S_K F(u)$ for $u > 20$, Stirling's series of $\log\Gamma$, $\psi$, $\psi'$, where the terms of a sum in $u$ cancel at large $u$; arguments $\alpha u + c$ re-expanded in $1/u$ (costly: search only; :mod:`codegen.rules_stirling`)
``log_gamma_shift``       $k\log\Gamma(x) - k\log\Gamma(y) = k(S(x) - S(y))$ for $x, y > 20$, $x - y$ not a number, Stirling's series subtracted term by term without cancelling terms (costly: search only; :mod:`codegen.rules_log_gamma_shift`)
``log_gamma_near_zero``   $\log\Gamma(c + u) = \sum_{k=1}^{N} \frac{\psi^{(k-1)}(c)}{k!} u^k$ for $|u| < \frac18$, $c \in \{1, 2\}$ (the zeros of $\log\Gamma$; costly: search only; :mod:`codegen.rules_log_gamma_zero`)
``taylor_branch``         $f(x) = T_N f(x)$ for $|x| < r$ where the sums of $f$ cancel at 0 (costly: search only; :mod:`codegen.rules_series`)
``log_of_squares``        $\log A = 2\log M + \log(A/M^2)$, $M$ the largest magnitude of the squares in $A$ (``scaled_sqrt``'s scale) (costly: search only; :mod:`codegen.rules_log_squares`)
``fold_at_kink``          $\sum_t T_t(H(u), \max(0, u))$ as its value on each side of $u = 0$, a branch expanded where two terms cancel (:mod:`codegen.rules_kink_fold`)
``log_bessel_i``          $\log I_\nu(z) = |z| + \log(e^{-|z|}I_\nu(z))$, $\frac{I_1(z)}{I_0(z)} = \frac{\operatorname{i1e}(z)}{\operatorname{i0e}(z)}$ (:mod:`codegen.rules_bessel`)
``removable_ratio``       $u\,F(u)^{-1} = \frac{u}{F(u)}$ where the computed $u$ (a power $y^{k}$ or $e^{w}$) is $> 0$, $\frac{1}{F'(0)}$ where it is 0, for $F(0) = 0$ (:mod:`codegen.rules_removable`)
``zero_times_log``        $x \log y = \begin{cases} x \log y & x > 0 \\ 0 & \text{else}\end{cases}$ for $x > 0$ with $y \le C$, $y/x \ge c > 0$ proved by bounds (:mod:`codegen.rules_xlogy`; it fires on no catalog formula)
========================  =====================================================================

with $\operatorname{sp}(x) = \max(x, 0) + \operatorname{log1p}(e^{-|x|})$.  The order matters: the
log-sigmoid rules must see the sigmoid before ``sigmoid_stable`` rewrites it, and before
``log1p_expm1`` would take $\log(1 - \sigma)$ for a ``log1p``.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import sympy as sp
from sympy.codegen.cfunctions import expm1, log1p

from codegen import (rules_bregman, rules_log_gamma_zero, rules_geometric, rules_cancel, rules_atan, rules_exp_underflow, rules_log1p_power, rules_power_ratio, rules_unit_sum, rules_mixture_one, rules_gaussian_tail, rules_scale_into_summand, rules_softmax_gap, rules_exact, rules_homogeneous, rules_fraction, rules_log, rules_logit, rules_pairing, rules_power, rules_quotient_scale, rules_ratio, rules_root, rules_select, rules_step,
                     rules_series, rules_sigmoid_difference, rules_stirling, rules_trig, rules_tail_difference, rules_log_hyperbolic, rules_log_squares, rules_log_weights, rules_logspace, rules_softmax, rules_softmax_offset, rules_softplus_ratio, rules_sums, rules_xlogy)
from codegen import rules_exp_sums, rules_log_quotient, rules_softmax_power
from codegen import rules_at_least_one, rules_log_gamma_shift, rules_sum_into_branch, rules_sigmoid_reflection, rules_log_exp_near_one, rules_bessel_large, rules_complete_square, rules_abs_pair, rules_even_scale, rules_power_mean
from codegen import rules_cancelling_terms, rules_lerp, rules_log_difference, rules_step_sum
from codegen import rules_bessel, rules_kink_fold, rules_removable, rules_log1mexp_product, rules_root_beside, rules_weighted_powers
from codegen.lower_unshifted import ExpShift
from symbolic.functions import Held, ReduceMax, log_ndtr, ndtr


@dataclass(frozen=True)
class Rule:
    """A rewrite that keeps the value of every real input and changes only its floating-point behaviour."""

    name: str
    identity: str
    """Id of the derivation in ``derivations.library`` that proves the rule's identity."""
    apply: Callable[[sp.Expr], sp.Expr]
    gain: str
    """Where the naive form fails and by how much: measured by ``tests/codegen/test_rules.py``."""
    priority: int


# ** shared pieces **


def softplus_stable(a: sp.Expr) -> sp.Expr:
    r"""$\log(1 + e^{a}) = \max(a, 0) + \operatorname{log1p}(e^{-|a|})$."""
    return sp.Max(a, 0) + log1p(sp.exp(-sp.Abs(a)))


def _exp_sum(e) -> bool:
    return isinstance(e, sp.Sum) and isinstance(e.function, sp.exp) and len(e.limits) == 1


def _reciprocal_exp_sum(a) -> bool:
    """``1 / Sum(exp(f))`` not yet max-shifted (a shifted sum, as in the derivative of a stabilized form, is left)."""
    return isinstance(a, sp.Pow) and a.exp == -1 and _exp_sum(a.base) and not a.base.function.has(ReduceMax)


def _shifted_sum(s: sp.Sum) -> tuple[sp.Expr, sp.Sum]:
    r"""For ``Sum(exp(f), lim)`` return ``(m, Sum(exp(f - m), lim))`` with ``m = max f``.

    A scale $c$ free of the summed index (a temperature, $f = g/	au$) is shifted after it is
    factored out: $m = c M$ with $M = s \max_j (s g_j)$, $s = \operatorname{sign} c$, and the terms
    are $e^{c (g_j - M)}$, so that $g_j/	au$ is never formed ($10^{300}/10^{-300}$ overflows).
    """
    f = s.function.args[0]
    c, g = _index_free_scale(f, s)
    h, r = _index_free_offset(g, s)
    if c is None:
        m = ExpShift(h, *s.limits) + r
        return m, sp.Sum(sp.exp(f - m), *s.limits)
    big = _scaled_max(c, h, s.limits) + r
    return sp.Mul(c, big, evaluate=False), sp.Sum(sp.exp(sp.Mul(c, g - big, evaluate=False)), *s.limits)


def _index_free_offset(g, s):
    r"""``(h, r)`` with ``g = h + r``, ``r`` the terms free of the summed index (0 where there are none, or nothing
    else): the maximum is taken of $h_j$ alone and the shift is $\max_j h_j + r$, so that $g_j - m = h_j - \max_j h_j$
    cancels $r$ symbolically.  Formed in floating point, $x_j + r$ at $r = 10^{300}$ is $r$ for every $j$ and the
    shifted exponents all 0 (the gradient of $\log(1 + \sum_i e^{s (x_i + m)})$ came out uniform, error 0.57)."""
    if not isinstance(g, sp.Add):
        return g, sp.S.Zero
    bound = {v for v, *_ in s.limits}
    free = [t for t in g.args if not (t.free_symbols & bound)]
    if not free or len(free) == len(g.args):
        return g, sp.S.Zero
    return sp.Add(*[t for t in g.args if t not in free]), sp.Add(*free)


def _index_free_scale(f, s):
    """``(c, g)`` with ``f = c g``, ``c`` the non-numeric factors free of the summed index (else ``(None, f)``)."""
    if not isinstance(f, sp.Mul):
        return None, f
    bound = {v for v, *_ in s.limits}
    scale = [a for a in f.args if not a.is_number and not (a.free_symbols & bound) and not a.has(sp.Indexed)]
    if not scale or len(scale) == len(f.args):
        return None, f
    return sp.Mul(*scale), sp.Mul(*[a for a in f.args if a not in scale])


def _scaled_max(c, g, limits):
    r"""$M$ with $c M = \max_j c g_j$: $\max_j g_j$ for $c > 0$, else $s \max_j (s g_j)$, $s = \operatorname{sign} c$."""
    if c.is_positive:
        return ExpShift(g, *limits)
    sgn = sp.sign(c)
    return sgn * ExpShift(sgn * g, *limits)


def _minus_shift(a, m):
    """``a - m``, as ``c (a/c - M)`` where the shift is ``m = c M`` and ``a`` has the factor ``c``."""
    if isinstance(m, sp.Mul) and len(m.args) == 2 and m.args[1].has(ReduceMax):
        c, big = m.args
        rest = sp.Mul(*[f for f in sp.Mul.make_args(a) if f not in sp.Mul.make_args(c)])
        if sp.Mul(c, rest) == a:
            return sp.Mul(c, rest - big, evaluate=False)
    return a - m


def _one_plus_exp(e) -> bool:
    """``1 + exp(a)``."""
    return isinstance(e, sp.Add) and len(e.args) == 2 and sp.S.One in e.args and any(
        isinstance(t, sp.exp) for t in e.args)


def _exponent(e: sp.Add) -> sp.Expr:
    return next(t for t in e.args if isinstance(t, sp.exp)).args[0]


def _is_sigmoid(e) -> bool:
    r"""$1/(1 + e^{a})$, which is $\sigma(-a)$."""
    return isinstance(e, sp.Pow) and e.exp == -1 and _one_plus_exp(e.base)


# ** softmax and log-sum-exp **


def _exp_normalize(expr: sp.Expr) -> sp.Expr:
    def is_ratio(e):
        return isinstance(e, sp.Mul) and any(_reciprocal_exp_sum(a) for a in e.args)

    def shift(e):
        factors = list(e.args)
        k = next(n for n, a in enumerate(factors) if _reciprocal_exp_sum(a))
        m, shifted = _shifted_sum(factors.pop(k).base)
        n = next((n for n, a in enumerate(factors) if isinstance(a, sp.exp)), None)
        w = next((n for n, a in enumerate(factors) if _exp_weighted_sum(a)), None)
        if n is None and w is not None:  # sum_i e^{f_i} v_i / sum_j e^{f_j}: the shift goes inside the sum
            factors[w] = _shifted_weights(factors[w], m)
        elif n is None:
            factors.append(sp.exp(-m, evaluate=False))
        else:
            factors[n] = sp.exp(_minus_shift(factors[n].args[0], m), evaluate=False)
        return sp.Mul(*factors, sp.Pow(shifted, -1))

    return expr.replace(is_ratio, shift)


def _offset_exp_sum(a):
    """``(c, s)`` where ``a`` is ``1 / (c + s)``, ``c`` a positive number and ``s`` a one-limit sum of exponentials
    not yet shifted, else None."""
    if not (isinstance(a, sp.Pow) and a.exp == -1 and isinstance(a.base, sp.Add) and len(a.base.args) == 2):
        return None
    c, s = sorted(a.base.args, key=lambda t: not t.is_number)
    if c.is_number and c.is_positive and _exp_sum(s) and not s.function.has(ReduceMax, ExpShift):
        return c, s
    return None


def _exp_over_offset(a):
    """``(k, b, s)`` where ``a`` is ``1 / (k e^b + s)``, ``k`` a positive number, ``e^b`` free of the summed index and
    ``s`` a one-limit sum of exponentials not yet shifted, else None."""
    if not (isinstance(a, sp.Pow) and a.exp == -1 and isinstance(a.base, sp.Add) and len(a.base.args) == 2):
        return None
    sums = [t for t in a.base.args if _exp_sum(t) and not t.function.has(ReduceMax, ExpShift)]
    if len(sums) != 1:
        return None
    (c,) = [t for t in a.base.args if t is not sums[0]]
    k, f = c.as_independent(sp.exp, as_Add=False)
    bound = {v for v, *_ in sums[0].limits}
    if isinstance(f, sp.exp) and k.is_number and k.is_positive and not (f.free_symbols & bound):
        return k, f.args[0], sums[0]
    return None


def _exp_over_exp_offset(expr: sp.Expr) -> sp.Expr:
    r"""$\frac{e^{u}}{k e^{b} + \sum_j e^{f_j}} = \frac{e^{u - b}}{k + \sum_j e^{f_j - b}}$, each difference of exponents
    with its common factors taken out ($\frac{s_j - a}{\tau}$, never $\frac{s_j}{\tau} - \frac{a}{\tau}$): the
    gradient of InfoNCE, $\frac{e^{s_k/\tau}}{e^{a/\tau} + \sum_j e^{s_j/\tau}}$, is inf/inf at $\tau = 10^{-300}$;
    in this form ``exp_normalize_offset`` shifts it by $\max_j \frac{s_j - a}{\tau}$."""
    def tops(e):
        r"""The factors of ``e`` divided through: its one exponential, or the sum itself (the complement of the top's
        weight, $\frac{\sum_j e^{f_j}}{k e^{b} + \sum_j e^{f_j}}$, once ``common_denominator`` has formed it)."""
        n = [a for a in e.args if _exp_over_offset(a) is not None]
        if len(n) != 1:
            return []
        _, _, s = _exp_over_offset(n[0])
        exps = [a for a in e.args if isinstance(a, sp.exp)]
        return exps if len(exps) == 1 else [a for a in e.args if a == s][:1] if not exps else []

    def value(e):
        factors = list(e.args)
        n = next(n for n, a in enumerate(factors) if _exp_over_offset(a) is not None)
        k, b, s = _exp_over_offset(factors.pop(n))
        shifted = sp.Sum(sp.exp(sp.factor_terms(s.function.args[0] - b)), *s.limits)
        (top,) = tops(e)
        m = factors.index(top)
        if not isinstance(top, sp.exp):  # S / (k + S) as 1 / (1 + k / S): S = inf gives 1, not inf / inf
            factors.pop(m)
            return sp.Mul(*factors, sp.Pow(1 + k * sp.Pow(shifted, -1), -1))
        factors[m] = sp.exp(sp.factor_terms(top.args[0] - b))
        return sp.Mul(*factors, sp.Pow(k + shifted, -1))

    logged = {a.args[0] for a in expr.atoms(sp.log)}  # a log of the ratio is log_of_exp_quotient's (a log-sum-exp)

    def is_ratio(e):
        return isinstance(e, sp.Mul) and e not in logged and len(tops(e)) == 1

    return expr.replace(is_ratio, value)


def _exp_normalize_offset(expr: sp.Expr) -> sp.Expr:
    r"""$\frac{e^{u}}{c + \sum_j e^{f_j}} = \frac{e^{u - m}}{c\,e^{-m} + \sum_j e^{f_j - m}}$, $m = \max_j f_j$ (and
    $\frac{\sum_i e^{f_i} v_i}{c + \sum_j e^{f_j}}$ with $e^{f_i - m}$ in the sum), where
    $m > 0$ (the sum could overflow; elsewhere it lies in $(0, n]$ and the quotient is left): the gradient of
    $\log(1 + \sum_i e^{s (x_i + m)})$ at $m = 10^{300}$ is inf/inf."""
    def is_ratio(e):
        if not (isinstance(e, sp.Mul) and sum(_offset_exp_sum(a) is not None for a in e.args) == 1):
            return False
        exps = sum(isinstance(a, sp.exp) for a in e.args)
        return exps == 1 or (exps == 0 and sum(_unshifted_weighted_sum(a) for a in e.args) == 1)

    def shift(e):
        factors = list(e.args)
        k = next(n for n, a in enumerate(factors) if _offset_exp_sum(a) is not None)
        c, s = _offset_exp_sum(factors.pop(k))
        m, shifted = _shifted_sum(s)
        n = next((n for n, a in enumerate(factors) if isinstance(a, sp.exp)), None)
        if n is None:  # sum_i e^{f_i} v_i / (c + sum_j e^{f_j}) (the softmax-with-a-sink VJP): the shift goes inside
            w = next(n for n, a in enumerate(factors) if _unshifted_weighted_sum(a))
            factors[w] = _shifted_weights(factors[w], m)
        else:
            factors[n] = sp.exp(_minus_shift(factors[n].args[0], m), evaluate=False)
        stable = sp.Mul(*factors, sp.Pow(c * sp.exp(-m) + shifted, -1))
        return sp.Piecewise((stable, m > 0), (e, True))

    return expr.replace(is_ratio, shift)


def _exp_weighted_sum(a) -> bool:
    """``Sum(exp(f) * v, lim)``: a one-limit sum whose summand has one ``exp`` factor (and others)."""
    return (isinstance(a, sp.Sum) and len(a.limits) == 1 and isinstance(a.function, sp.Mul)
            and sum(isinstance(t, sp.exp) for t in a.function.args) == 1)


def _unshifted_weighted_sum(a) -> bool:
    """``Sum(exp(f) * v, lim)`` (:func:`_exp_weighted_sum`) with ``f`` not yet shifted."""
    return _exp_weighted_sum(a) and not a.function.has(ReduceMax, ExpShift)


def _shifted_weights(a: sp.Sum, m) -> sp.Sum:
    r"""$e^{-m}\sum_i e^{f_i} v_i = \sum_i e^{f_i - m} v_i$ (``m`` free of the summed index)."""
    factors = [sp.exp(_minus_shift(t.args[0], m), evaluate=False) if isinstance(t, sp.exp) else t
               for t in a.function.args]
    return sp.Sum(sp.Mul(*factors), *a.limits)


def _log_softmax_split(expr: sp.Expr) -> sp.Expr:
    def is_log_ratio(e):
        if not (isinstance(e, sp.log) and isinstance(e.args[0], sp.Mul)):
            return False
        factors = e.args[0].args
        return any(_reciprocal_exp_sum(a) for a in factors) and all(
            isinstance(a, sp.exp) or (isinstance(a, sp.Pow) and a.exp == -1) for a in factors)

    def split(e):
        return sp.Add(*[a.args[0] if isinstance(a, sp.exp) else -sp.log(a.base) for a in e.args[0].args])

    return expr.replace(is_log_ratio, split)


def _logsumexp_shift(expr: sp.Expr) -> sp.Expr:
    def shift(e):
        m, shifted = _shifted_sum(e.args[0])
        return m + sp.log(shifted)

    return expr.replace(lambda e: isinstance(e, sp.log) and _exp_sum(e.args[0]), shift)


def _constant_and_exp_sum(e, exponential=False):
    r"""``(log c, s)`` where ``e`` is ``log(c + s)``, ``s`` a one-limit sum of exponentials and ``c`` a positive number,
    or with ``exponential`` a positive number times one exponential free of the summed index (InfoNCE's
    $e^{a/\tau} + \sum_j e^{s_j/\tau}$: $\log c$ is then its exponent, never formed as $e^{a/\tau}$, which overflows)."""
    if not (isinstance(e, sp.log) and isinstance(e.args[0], sp.Add) and len(e.args[0].args) == 2):
        return None
    sums = [t for t in e.args[0].args if _exp_sum(t)]
    if len(sums) != 1:
        return None
    s = sums[0]
    (c,) = [t for t in e.args[0].args if t is not s]
    if c.is_number:
        return (sp.log(c), s) if c.is_positive and not exponential else None
    if not exponential:
        return None
    k, f = c.as_independent(sp.exp, as_Add=False)
    bound = {v for v, *_ in s.limits}
    if isinstance(f, sp.exp) and k.is_number and k.is_positive and not (f.free_symbols & bound):
        return sp.log(k) + f.args[0], s
    return None


def _log_constant_plus_exp_sum(expr: sp.Expr) -> sp.Expr:
    r"""$\log(c + \sum_j e^{f_j}) = \log c + \operatorname{sp}(L - \log c)$, $L = \log\sum_j e^{f_j}$: ``logsumexp_shift``
    then shifts $L$ (a smooth hinge over negatives, $\log(1 + \sum_i e^{s (x_i + m)})$, at $m = 10^{300}$); $c$ may be
    $k e^{b}$, $\log c = \log k + b$ (InfoNCE's positive pair beside the sum over negatives)."""

    def value(e):
        log_c, s = _constant_and_exp_sum(e)
        return log_c + softplus_stable(sp.log(s) - log_c)

    return expr.replace(lambda e: _constant_and_exp_sum(e) is not None, value)


def _log_exp_plus_exp_sum(expr: sp.Expr) -> sp.Expr:
    r"""$\log(k e^{b} + \sum_j e^{f_j}) = \log k + b + \operatorname{sp}(m + \log\sum_j e^{f_j - m} - \log k - b)$,
    $m = \max_j f_j$: the same as :func:`_log_constant_plus_exp_sum` with $c = k e^{b}$, the sum shifted here (the form
    appears late, once ``log_of_exp_quotient`` has split InfoNCE's $-\log\frac{e^{a/\tau}}{e^{a/\tau} + \sum_j
    e^{s_j/\tau}}$, after ``logsumexp_shift`` has run)."""
    def value(e):
        log_c, s = _constant_and_exp_sum(e, exponential=True)
        m, shifted = _shifted_sum(s)
        return log_c + softplus_stable(m + sp.log(shifted) - log_c)

    return expr.replace(lambda e: _constant_and_exp_sum(e, exponential=True) is not None, value)


# ** softplus, log1p and expm1 **


def _softplus_stable(expr: sp.Expr) -> sp.Expr:
    return expr.replace(lambda e: isinstance(e, sp.log) and _one_plus_exp(e.args[0]),
                        lambda e: softplus_stable(_exponent(e.args[0])))


def _log1p_expm1(expr: sp.Expr) -> sp.Expr:
    r"""Only where a literal ``1`` is a term: ``log(1 + t)``, ``exp(x) - 1`` and ``log(|1 + t|)``, which is
    $\operatorname{log1p}(t)$ for $t > -1$ and $\log(-1 - t)$ below (the log-determinant of a planar flow,
    $\log|1 + t|$ with $t$ of $10^{-14}$: as written every digit of $t$ is lost in $1 + t$)."""

    def is_log_one_plus(e):
        return isinstance(e, sp.log) and isinstance(e.args[0], sp.Add) and sp.S.One in e.args[0].args

    def is_log_abs_one_plus(e):
        return isinstance(e, sp.log) and isinstance(e.args[0], sp.Abs) and is_log_one_plus(sp.log(e.args[0].args[0],
                                                                                                evaluate=False))

    def log_abs_one_plus(e):
        t = e.args[0].args[0] - 1
        return sp.Piecewise((log1p(t), t > -1), (sp.log(-1 - t), True))

    def is_exp_minus_one(e):
        return isinstance(e, sp.Add) and sp.S.NegativeOne in e.args and any(isinstance(a, sp.exp) for a in e.args)

    def exp_minus_one(e):
        terms = list(e.args)
        terms.remove(sp.S.NegativeOne)
        k = next(n for n, a in enumerate(terms) if isinstance(a, sp.exp))
        return expm1(terms.pop(k).args[0]) + sp.Add(*terms)

    expr = expr.replace(is_log_abs_one_plus, log_abs_one_plus)
    expr = expr.replace(is_log_one_plus, lambda e: log1p(e.args[0] - 1))
    return expr.replace(is_exp_minus_one, exp_minus_one)


# ** the sigmoid and its logarithms **


def _log_sigmoid(expr):
    return expr.replace(lambda e: isinstance(e, sp.log) and _is_sigmoid(e.args[0]),
                        lambda e: -softplus_stable(_exponent(e.args[0].base)))


def _log_one_minus_sigmoid(expr):
    def query(e):
        if not (isinstance(e, sp.log) and isinstance(e.args[0], sp.Add) and len(e.args[0].args) == 2):
            return False
        a, b = e.args[0].args
        return sp.S.One in (a, b) and any(_is_sigmoid(-t) for t in (a, b))

    def value(e):
        s = next(-t for t in e.args[0].args if _is_sigmoid(-t))
        # 1 - 1/(1 + e^a) = e^a / (1 + e^a) = 1 / (1 + e^{-a}), whose log is -softplus(-a)
        return -softplus_stable(-_exponent(s.base))

    return expr.replace(query, value)


def _sigmoid_stable(expr):
    def value(e):
        t = -_exponent(e.base)
        small = sp.exp(-sp.Abs(t))
        return sp.Piecewise((1 / (1 + small), t >= 0), (small / (1 + small), True))

    return expr.replace(_is_sigmoid, value)


# ** erf, tanh and cosh: cancellation against a constant **


def _paired(expr, func, want):
    r"""In an ``Add``, pairs $c + k f(z)$ with $c = \pm k$: ``want(k, z, sign)`` replaces both terms."""

    def query(e):
        return isinstance(e, sp.Add) and _pair(e, func) is not None

    def value(e):
        rest, k, z, s = _pair(e, func)
        return sp.Add(*rest) + want(k, z, s)

    return expr.replace(query, value)


def _pair(e, func):
    terms = list(e.args)
    for n, t in enumerate(terms):
        k, f = t.as_independent(func, as_Add=False)
        if not isinstance(f, func) or not k.is_number or k == 0:
            continue
        for m, c in enumerate(terms):
            if m != n and c.is_number and (c == k or c == -k):
                rest = [a for q, a in enumerate(terms) if q not in (n, m)]
                return rest, k, f.args[0], 1 if c == k else -1
    return None


def _erf_ndtr(expr):
    r"""$k(1 + \operatorname{erf} z) = 2k\,\Phi(\sqrt2 z)$ and $k(\operatorname{erf} z - 1) = -2k\,\Phi(-\sqrt2 z)$.

    ``ndtr`` (scipy's $\Phi$) is computed from ``erfc`` of a positive argument where $\Phi$ is small.
    """
    return _paired(expr, sp.erf, lambda k, z, s: 2 * k * ndtr(sp.sqrt(2) * z) if s == 1
                   else -2 * k * ndtr(-sp.sqrt(2) * z))


def _erfc_ndtr(expr):
    r"""$k\operatorname{erfc}(z) - 2k = -2k\,\Phi(\sqrt2 z)$: sympy writes $\operatorname{erfc}(-z)$ as
    $2 - \operatorname{erfc}(z)$, which cancels where $\operatorname{erfc}(z)$ is near 2 ($z \ll 0$); ``ndtr`` keeps
    every digit of the small value and ``log_ndtr`` (after it) of its log."""
    def query(e):
        return isinstance(e, sp.Add) and _erfc_pair(e) is not None

    def value(e):
        rest, k, z = _erfc_pair(e)
        return sp.Add(*rest) - 2 * k * ndtr(sp.sqrt(2) * z)

    return expr.replace(query, value)


def _erfc_pair(e):
    r"""``(rest, k, z)`` where the ``Add`` ``e`` holds $k\operatorname{erfc}(z)$ and the number $-2k$, else None."""
    terms = list(e.args)
    for n, t in enumerate(terms):
        k, f = t.as_independent(sp.erfc, as_Add=False)
        if not isinstance(f, sp.erfc) or not k.is_number or k == 0:
            continue
        for m, c in enumerate(terms):
            if m != n and c.is_number and c == -2 * k:
                return [a for q, a in enumerate(terms) if q not in (n, m)], k, f.args[0]
    return None


def _log_ndtr(expr):
    r"""$\log(c\,\Phi(u)) = \log c + \log\Phi(u)$ for a number $c > 0$, with scipy's ``log_ndtr``."""
    def query(e):
        if not isinstance(e, sp.log):
            return False
        c, f = e.args[0].as_independent(ndtr, as_Add=False)
        return isinstance(f, ndtr) and c.is_number and c.is_positive

    def value(e):
        c, f = e.args[0].as_independent(ndtr, as_Add=False)
        return sp.log(c) + log_ndtr(f.args[0])

    return expr.replace(query, value)


def _tanh_sigmoid(expr):
    r"""$k(1 + \tanh u) = 2k\sigma(2u)$ and $k(\tanh u - 1) = -2k\sigma(-2u)$, $\sigma(v) = 1/(1 + e^{-v})$."""
    def want(k, u, s):
        if s == 1:
            return 2 * k / (1 + sp.exp(-2 * u))
        return -2 * k / (1 + sp.exp(2 * u))

    return _paired(expr, sp.tanh, want)


def _sigmoid_pair(e):
    """``(n, m, c, u)``: term ``n`` of the sum ``e`` is the number $c$, term ``m`` is $-2c/(1 + e^{u})$, else None."""
    for m, t in enumerate(e.args):
        k, f = t.as_coeff_Mul()
        if not (_is_sigmoid(f) and k != 0):
            continue
        for n, c in enumerate(e.args):
            if n != m and c.is_number and k == -2 * c:
                return n, m, c, _exponent(f.base)
    return None


def _sigmoid_tanh(expr):
    r"""$c - \frac{2c}{1 + e^{u}} = c\tanh(u/2)$: $1 - 2\sigma(-u)$ (the derivative of a logistic CRPS in its location,
    a bipolar sigmoid) at $|u| = 10^{-300}$ cancels to 0 where the truth is $u/2$."""
    def value(e):
        n, m, c, u = _sigmoid_pair(e)
        return sp.Add(*[t for q, t in enumerate(e.args) if q not in (n, m)]) + c * sp.tanh(u / 2)

    return expr.replace(lambda e: isinstance(e, sp.Add) and _sigmoid_pair(e) is not None, value)


def _sech_square(expr):
    r"""$c - c\tanh^2 u = c/\cosh^2 u$ for a number $c \ne 0$ (sympy's derivative of $\tanh$ is $1 - \tanh^2 u$; a
    planar flow's $\tanh^2 u - 1$ is $c = -1$), so that it does not cancel to 0."""
    def query(e):
        return _tanh_square_pair(e) is not None

    def value(e):
        c, u = _tanh_square_pair(e)
        return c * sp.cosh(u) ** -2

    return expr.replace(query, value)


def _tanh_square_pair(e):
    """``(c, u)`` where ``e`` is $c - c\tanh^2 u$ (two terms, $c$ a nonzero number), else None."""
    if not (isinstance(e, sp.Add) and len(e.args) == 2):
        return None
    c, t = e.as_coeff_Add()
    if c == 0 or not c.is_number:
        return None
    k, p = t.as_coeff_Mul()
    if k == -c and isinstance(p, sp.Pow) and p.exp == 2 and isinstance(p.base, sp.tanh):
        return c, p.base.args[0]
    return None


def log_cosh_stable(u):
    r"""$\log\cosh u$: $\operatorname{log1p}(2\sinh^2(u/2))$ for $|u| < 1$, else $|u| + \operatorname{log1p}(e^{-2|u|}) - \log 2$."""
    return sp.Piecewise((log1p(2 * sp.sinh(u / 2) ** 2), sp.Abs(u) < 1),
                        (sp.Abs(u) + log1p(sp.exp(-2 * sp.Abs(u))) - sp.log(2), True))


def _tanh_ratio(expr):
    r"""$\sinh u / \cosh u = \tanh u$ (sympy's derivative of $\log\cosh$): inf/inf is nan for $|u| > 710$."""
    def query(e):
        return isinstance(e, sp.Mul) and any(
            isinstance(a, sp.sinh) and sp.Pow(sp.cosh(a.args[0]), -1) in e.args for a in e.args)

    def value(e):
        a = next(a for a in e.args if isinstance(a, sp.sinh) and sp.Pow(sp.cosh(a.args[0]), -1) in e.args)
        rest = [f for f in e.args if f not in (a, sp.Pow(sp.cosh(a.args[0]), -1))]
        return sp.Mul(*rest) * sp.tanh(a.args[0])

    return expr.replace(query, value)


def _log_cosh(expr):
    return expr.replace(lambda e: isinstance(e, sp.log) and isinstance(e.args[0], sp.cosh),
                        lambda e: log_cosh_stable(e.args[0].args[0]))


def _log_cosh_power(expr):
    r"""$\log(\cosh^{k} u) = k\log\cosh u$ for a real number $k$ ($\cosh u > 0$), then ``log_cosh``'s stable form:
    $\log(1 - \tanh^2 u)$ becomes $\log\cosh^{-2} u$ after ``sech_square``, whose $\cosh$ overflows for $|u| > 710$
    (the log is $-\infty$ where the truth is $-2|u| + 2\log 2$) and rounds to 1 near 0."""
    def query(e):
        return isinstance(e, sp.log) and isinstance(e.args[0], sp.Pow) and isinstance(e.args[0].base, sp.cosh) \
            and e.args[0].exp.is_number and e.args[0].exp.is_real

    return expr.replace(query, lambda e: e.args[0].exp * log_cosh_stable(e.args[0].base.args[0]))


def _log1mexp(expr):
    r"""$\log(1 - e^{a})$: $\log(-\operatorname{expm1} a)$ for $a > -\log 2$, else $\operatorname{log1p}(-e^{a})$."""
    def query(e):
        if not (isinstance(e, sp.log) and isinstance(e.args[0], sp.Add) and len(e.args[0].args) == 2):
            return False
        a, b = e.args[0].args
        return sp.S.One in (a, b) and any(isinstance(-t, sp.exp) for t in (a, b))

    def value(e):
        a = next(-t for t in e.args[0].args if isinstance(-t, sp.exp)).args[0]
        return sp.Piecewise((sp.log(-expm1(a)), a > -sp.log(2)), (log1p(-sp.exp(a)), True))

    return expr.replace(query, value)


def _log_expm1(expr):
    r"""$\log(e^{u} - 1) \to u + \log(1 - e^{-u})$ for $u \ge 1$ (also of $\operatorname{expm1}(u)$), the second log
    then ``log1mexp``'s: the inverse softplus $\log(e^{x} - 1)$ at $x = 710$ overflows in $e^{x}$ where the value is
    about $x$.  Below 1, $\log(\operatorname{expm1} u)$: near $u = \log 2$ the value is near 0 and the sum
    $u + \log(1 - e^{-u})$ cancels (3.7e-14 where the log of expm1 errs by 1e-14).  Real only for $u > 0$."""
    def query(e):
        if not isinstance(e, sp.log):
            return False
        a = e.args[0]
        if isinstance(a, expm1):
            return True
        return isinstance(a, sp.Add) and len(a.args) == 2 and sp.S.NegativeOne in a.args and any(
            isinstance(t, sp.exp) for t in a.args)

    def value(e):
        a = e.args[0]
        u = a.args[0] if isinstance(a, expm1) else next(t for t in a.args if isinstance(t, sp.exp)).args[0]
        return sp.Piecewise((sp.log(expm1(u)), u < 1), (u + sp.log(1 - sp.exp(-u)), True))

    return expr.replace(query, value)


# ** square roots of sums of squares **

class SmallestNormal(sp.NumberSymbol, metaclass=sp.core.singleton.Singleton):
    r"""The smallest positive normal number of the computing dtype, $2^{-126}$ in float32 and
    $2^{-1022}$ in float64: ``np.finfo(dtype).tiny`` in generated NumPy code.  As a number (sympy,
    mpmath, the verifier's printers) it is float64's, the precision they check.

    A float64 literal would round to 0 in float32 code (NumPy casts a Python float to the array's
    dtype): the floor would vanish there."""

    is_real = True
    is_positive = True
    is_finite = True
    is_number = True
    __slots__ = ()
    FLOAT64 = 2.2250738585072014e-308

    def _as_mpf_val(self, prec):
        return sp.Float(self.FLOAT64)._as_mpf_val(prec)

    def approximation_interval(self, number_cls):
        if issubclass(number_cls, sp.Rational):
            return sp.Rational(0), sp.Rational(1)
        return None

    def _as_float(self, printer):
        return printer._print(sp.Float(self.FLOAT64))

    _mpmathcode = _pythoncode = _lambdacode = _ccode = _as_float

    def _numpycode(self, printer):
        """The lowering's own ``_print_SmallestNormal`` (a NumPy printer asks the object first), else float64's."""
        own = getattr(printer, "_print_SmallestNormal", None)
        return own(self) if own is not None else self._as_float(printer)

    def _sympystr(self, printer):
        return "SmallestNormal"

    def _latex(self, printer):
        return r"\mathrm{tiny}"


SMALLEST_NORMAL = sp.S.SmallestNormal
"""A floor for the scale $M$ (any $M > 0$ keeps the value): all-zero inputs do not divide by 0, and
the reciprocal $1/M$ of subnormal inputs does not overflow; the computing dtype's (:class:`SmallestNormal`)."""


def _radicand_parts(a):
    """``(squares, rest)``: terms ``k * u**2`` or ``k * Sum(u**2, lim)`` (u, k, limits), and the other terms."""
    squares, rest = [], []
    for t in sp.Add.make_args(sp.expand(a, deep=False, mul=True, power_base=False, power_exp=False, log=False,
                                        multinomial=False, basic=False)):
        k, f = _square_factor(t)
        if isinstance(f, sp.Pow) and f.exp == 2 and not f.base.is_number:
            squares.append((*_even_powers_into_base(f.base, k), ()))
        elif _summed_square(f) is not None:
            u, w = _summed_square(f)
            squares.append((u, k * w, f.limits))
        else:
            rest.append(t)
    return squares, rest


def _even_powers_into_base(u, k):
    r"""``(u', k')`` with $k u^2 = k' u'^2$: each factor $b^{2m}$ of the weight ($m 
e 0$ an integer, $b$ not a
    number) moved into the base as $b^{m}$, so that the scale is that of the ratio: $\frac{x^2}{c^2}$ is $(x/c)^2$,
    whose magnitude $|x/c|$ is the scale, where $|x|$ alone is not ($c = 10^{-300}$: $(x/M)^2 / c^2$ overflows with
    $M = \max(|x|, 1)$, not with $M = \max(|x/c|, 1)$; pseudo-Huber, Barron's loss)."""
    moved, kept = [], []
    for f in sp.Mul.make_args(k):
        if isinstance(f, sp.Pow) and f.exp.is_Integer and f.exp % 2 == 0 and not f.base.is_number:
            moved.append(sp.Pow(f.base, f.exp // 2))
        else:
            kept.append(f)
    if not moved:
        return u, k
    return sp.Mul(u, *moved), sp.Mul(*kept)


def _square_factor(t):
    """``(k, f)`` with ``t = k f`` and ``f`` a square or a sum of squares (else ``(1, t)``)."""
    factors = sp.Mul.make_args(t)
    for n, f in enumerate(factors):
        if (isinstance(f, sp.Pow) and f.exp == 2) or _summed_square(f) is not None:
            return sp.Mul(*factors[:n], *factors[n + 1:]), f
    return sp.S.One, t


def _summed_square(f):
    r"""``(u, w)`` where ``f`` is a sum over one index of $w\,u^2$, the weight $w$ free of the index, each even power
    of the summand's other factors moved into the base (:func:`_even_powers_into_base`): $\sum_i \frac{(x_i -
    \mu_i)^2}{s_i^2}$ is a sum of squares of $\frac{x_i - \mu_i}{s_i}$, whose largest magnitude is the scale (a
    Mahalanobis distance with a diagonal covariance at $x_0 = 10^{300}$: the squares overflow where the distance is
    $5 \cdot 10^{299}$); else None."""
    if not isinstance(f, sp.Sum) or len(f.limits) != 1:
        return None
    k, g = sp.S.One, f.function
    if not (isinstance(g, sp.Pow) and g.exp == 2):
        factors = sp.Mul.make_args(g)
        squares = [a for a in factors if isinstance(a, sp.Pow) and a.exp == 2 and not a.base.is_number]
        if len(squares) != 1:
            return None
        g = squares[0]
        k = sp.Mul(*[a for a in factors if a is not g])
    if g.base.is_number:
        return None
    u, w = _even_powers_into_base(g.base, k)
    return (u, w) if not (w.free_symbols & {f.limits[0][0]}) and not w.has(sp.Indexed) else None


def scaled_root(a):
    r"""$\sqrt{A}$ as $M\sqrt{A / M^2}$ with $M$ the largest $|u|$ of the squares in $A$ (and $\sqrt{|rest|}$)."""
    squares, rest = _radicand_parts(a)
    scales = [ReduceMax(sp.Abs(u), *lim) if lim else sp.Abs(u) for u, _, lim in squares]
    r = sp.Add(*rest)
    if rest:
        scales.append(sp.sqrt(sp.Abs(r)))
    m = sp.Max(*scales, SMALLEST_NORMAL)
    # unevaluated products: sympy's Mul would distribute the square over the ratio (alpha (x/m)^2 -> alpha x^2/m^2)
    scaled = sp.Add(*[sp.Mul(k, sp.Sum(_square_of_ratio(u, m), *lim) if lim else _square_of_ratio(u, m),
                             evaluate=False) for u, k, lim in squares])
    return m, scaled + (r * _square_of_ratio(1, m) if rest else 0)


def _square_of_ratio(u, m):
    """$(u/m)^2$ kept as the square of a ratio (sympy would write $u^2/m^2$, which overflows)."""
    return sp.Pow(sp.Mul(u, sp.Pow(m, -1), evaluate=False), 2, evaluate=False)


def _is_root(e, sign):
    return (isinstance(e, sp.Pow) and e.exp == sign * sp.S.Half and _radicand_parts(e.base)[0]
            and not e.base.has(ReduceMax))


def _is_reciprocal_power(e, roots):
    r"""$A^{-p}$ for $p$ a positive integer or half-integer, $A$ with squares and a root of $A$ elsewhere in the
    expression (``roots``): the gradient of $1/\sqrt{A}$ has $A^{-1}$ and $A^{-3/2}$ beside it.  A plain
    $1/(1 + u^2/c^2)$ (Cauchy) is left to ``ratio_before_power``."""
    return (isinstance(e, sp.Pow) and e.exp.is_Rational and e.exp < 0 and (2 * e.exp).is_Integer
            and (e.base in roots or not e.exp.is_Integer) and _radicand_parts(e.base)[0] and not e.base.has(ReduceMax))


def _is_real_power(e):
    r"""$A^{p}$ for an exponent $p$ not known to be an integer (a hyperparameter $\alpha/2$, a rational such as
    $3/4$), $A$ with squares: the generalized Charbonnier $(x^2 + \epsilon^2)^{\alpha/2}$ overflows in $x^2$ at
    $|x| > 10^{154}$ where $|x|^{\alpha}$ does not.  Half-integers other than $\pm 1/2$ are left to
    ``_is_reciprocal_power`` (they need a root beside them)."""
    return (isinstance(e, sp.Pow) and not e.exp.is_integer and e.exp.is_real is not False
            and not (e.exp.is_Rational and (2 * e.exp).is_Integer)
            and not e.base.is_number and _radicand_parts(e.base)[0] and not e.base.has(ReduceMax))


def _powers_of_one_base(e, bases):
    """``e`` with its factors ``A^p``, ``A^q`` (``A`` in ``bases``) combined into ``A^{p + q}``, else None."""
    if not isinstance(e, sp.Mul):
        return None
    for a in bases:
        mine = [f for f in e.args if f == a or (isinstance(f, sp.Pow) and f.base == a)]
        if len(mine) >= 2:
            total = sp.Add(*[f.exp if isinstance(f, sp.Pow) else sp.S.One for f in mine])
            return sp.Mul(*[f for f in e.args if f not in mine]) * sp.Pow(a, total)
    return None


def _scaled_sqrt(expr):
    def value(e):
        m, scaled = scaled_root(e.base)
        if e.exp == sp.S.Half:
            return m * sp.sqrt(scaled)
        if e.exp == -sp.S.Half:
            return 1 / (m * sp.sqrt(scaled))
        return sp.Pow(m, 2 * e.exp) * sp.Pow(scaled, e.exp)  # A^{-p} = M^{-2p} (A/M^2)^{-p}

    powers = {e.base for e in expr.atoms(sp.Pow) if _is_real_power(e)}
    if powers:  # A^{alpha/2} / A (a gradient) as A^{alpha/2 - 1}: M^{alpha} / M^{2} would overflow before dividing
        expr = expr.replace(lambda e: _powers_of_one_base(e, powers) is not None,
                            lambda e: _powers_of_one_base(e, powers))
    roots = {e.base for e in expr.atoms(sp.Pow) if _is_root(e, 1) or _is_root(e, -1) or _is_real_power(e)}
    out = expr.replace(lambda e: _is_root(e, 1) or _is_root(e, -1) or _is_real_power(e)
                       or _is_reciprocal_power(e, roots), value)
    if not powers:
        return out
    entries = {u for a in powers for u, _, lim in _radicand_parts(a)[0] if not lim}
    return out.replace(lambda e: _entry_and_scale(e, entries) is not None, lambda e: _entry_and_scale(e, entries))


def _entry_and_scale(e, entries):
    r"""$u\,M^{q} \to \frac{u}{M} M^{q + 1}$ in a product with an entry $u$ of the squares and a real power of their
    scale $M$ (the gradient $\alpha x\,M^{\alpha - 2}$ at $x = \epsilon = 10^{300}$: $M^{\alpha - 2}$ underflows where
    $\frac{x}{M} M^{\alpha - 1}$ does not), else None.  An entry that is a product ($x/c$, after
    :func:`_even_powers_into_base`) is taken out of the product's factors power by power: $\frac{x}{c^2} M^{q}$ is
    $\frac{1}{c} \frac{x/c}{M} M^{q + 1}$ (Barron's gradient at $x = c = 10^{300}$, where $c^2$ overflows)."""
    if not isinstance(e, sp.Mul):
        return None
    for f in e.args:
        if isinstance(f, sp.Pow) and isinstance(f.base, sp.Max) and not f.exp.is_number:
            for u in entries:
                if sp.Abs(u) not in f.base.args:
                    continue
                rest = _without_factors(sp.Mul(*[a for a in e.args if a is not f]), u)
                if rest is not None:
                    ratio = sp.Mul(u, sp.Pow(f.base, -1, evaluate=False), evaluate=False)
                    if isinstance(u, sp.Mul):  # held whole: flattened, (x/c)/M times 1/c is x/(c^2 M) again
                        ratio = Held(ratio)
                    return sp.Mul(*rest, ratio, sp.Pow(f.base, f.exp + 1), evaluate=False)
    return None


def _without_factors(e, u):
    r"""The factors of the product ``e`` once those of ``u`` are taken out (``u``'s every factor $b^{k}$ met by a factor
    $b^{j}$ of ``e`` with $j$ of the same sign and $|j| \ge |k|$), else None."""
    have = dict(_factor_powers(e))
    for b, k in _factor_powers(u):
        j = have.get(b)
        if j is None or not (j * k).is_positive or not (abs(j) - abs(k)).is_nonnegative:
            return None
        have[b] = j - k
    return [b if j == 1 else sp.Pow(b, j) for b, j in have.items() if j != 0]


def _factor_powers(e):
    """``[(base, exponent)]`` of the factors of ``e`` (a number is its own base, exponent 1)."""
    out = []
    for a in sp.Mul.make_args(e):
        if isinstance(a, sp.Pow) and a.exp.is_number:
            out.append((a.base, a.exp))
        else:
            out.append((a, sp.S.One))
    return out


def _root_cancel(expr):
    r"""$k(x + \sqrt{x^2 + b})$ for $x < 0$ as $k\,b / (\sqrt{x^2 + b} - x)$ (and $\sqrt{x^2+b} - x$ for $x > 0$).
    The term $\pm k x$ may sit inside a product, found once the products are distributed
    (:func:`_distributed_terms`): the smoothed pinball loss $(\tau - \frac12)u + \frac12\sqrt{u^2 + \epsilon^2}$ is
    $\tau u + \frac12(\sqrt{u^2 + \epsilon^2} - u)$, where $\tau - \frac12$ alone loses $\tau = 10^{-300}$."""
    def find(e):
        if not isinstance(e, sp.Add):
            return None
        terms = _distributed_terms(e)
        for t in terms:
            k, r = t.as_independent(sp.Pow, as_Add=False)
            if not (isinstance(r, sp.Pow) and r.exp == sp.S.Half and k.is_number):
                continue
            squares, rest = _radicand_parts(r.base)
            for u, weight, limits in squares:  # the other squares are part of b: sqrt(u^2 + eps^2) - u
                b = sp.Add(*rest) if len(squares) == 1 else sp.expand(r.base - u ** 2)
                if limits or weight != 1 or b == 0:
                    continue
                for s in (1, -1):
                    if s * k * u in terms:
                        return t, s * k * u, k, u, s, b, r
        return None

    def value(e):
        t, ku, k, u, s, b, r = find(e)
        others = sp.Add(*[a for a in _distributed_terms(e) if a not in (t, ku)])
        # the quotient only where the two terms are within a factor 2 (there they cancel): where u is tiny b can
        # underflow (eps^2 at eps = 1e-300) while the direct sum is exact
        if s == 1:   # k (sqrt + u): cancels for u < 0
            stable = sp.Piecewise((k * b / (r - u), 2 * u < -r), (k * (u + r), True))
        else:        # k (sqrt - u): cancels for u > 0
            stable = sp.Piecewise((k * b / (r + u), 2 * u > r), (k * (r - u), True))
        return others + stable

    expr = expr.replace(lambda e: find(e) is not None, value)
    kept = set()  # the sums kept as written on their own side of a product's branch: not rewritten again
    expr = expr.replace(lambda e: _root_ratio_factor(e) is not None, lambda e: _root_ratio_cancelled(e, kept))
    return expr.replace(lambda e: e not in kept and _unit_plus_root_ratio(e) is not None, _root_ratio_cancelled)


def _distributed_terms(e):
    """The terms of the sum ``e``, each product free of square roots distributed over its sums (``(tau - 1/2) u`` as
    ``tau u - u/2``)."""
    def rootless(t):
        return isinstance(t, sp.Mul) and not any(p.exp == sp.S.Half for p in t.atoms(sp.Pow))
    return [a for t in e.args for a in (sp.Add.make_args(sp.expand_mul(t)) if rootless(t) else (t,))]


def _root_ratio_factor(e):
    """The position of a factor of the product ``e`` that :func:`_unit_plus_root_ratio` matches, else None."""
    if not isinstance(e, sp.Mul):
        return None
    return next((n for n, f in enumerate(e.args) if _unit_plus_root_ratio(f) is not None), None)


def _unit_plus_root_ratio(e):
    r"""``(n, m, k, u, s, b, r)`` where terms ``n`` and ``m`` of the sum ``e`` are $k$ (a number) and
    $s\,k\,u / r$, $r = \sqrt{u^2 + b}$, else None."""
    if not isinstance(e, sp.Add):
        return None
    for n, t in enumerate(e.args):
        roots = [f for f in sp.Mul.make_args(t) if isinstance(f, sp.Pow) and f.exp == -sp.S.Half]
        if len(roots) != 1:
            continue
        squares, rest = _radicand_parts(roots[0].base)
        if len(squares) != 1 or squares[0][2] or squares[0][1] != 1 or not rest:
            continue
        u = squares[0][0]
        ku = t * roots[0].base ** sp.S.Half
        for m, k in enumerate(e.args):
            if m == n or not k.is_number or k == 0:
                continue
            for s in (1, -1):
                if sp.expand(ku - s * k * u) == 0:
                    return n, m, k, u, s, sp.Add(*rest), roots[0].base ** sp.S.Half
    return None


def _root_ratio_cancelled(e, kept=None):
    r"""$k(1 + u/\sqrt{u^2 + b}) = k\,b / (\sqrt{u^2 + b}(\sqrt{u^2 + b} - u))$ for $u < 0$ (and $k(1 - u/\sqrt{u^2 + b})$
    for $u > 0$), the sum as written on the other side: the derivative of SquarePlus, the gate of PFLU."""
    p = _root_ratio_factor(e)  # a factor of a product: the other factors go into both branches (x/r before 1/(r - x))
    scale = sp.Mul(*[a for q, a in enumerate(e.args) if q != p]) if p is not None else sp.S.One
    a = e.args[p] if p is not None else e
    n, m, k, u, s, b, r = _unit_plus_root_ratio(a)
    others = sp.Add(*[t for q, t in enumerate(a.args) if q not in (n, m)])
    written = scale * (others + k + s * k * u / r)
    if kept is not None:
        kept.add(a)
    cancelled = scale * others + scale * k * b / (r * (r - s * u))
    if s == 1:
        return sp.Piecewise((written, u >= 0), (cancelled, True))
    return sp.Piecewise((cancelled, u >= 0), (written, True))


# ** the registry **

LOG_SIGMOID = Rule(
    "log_sigmoid", "log_sigmoid_softplus", _log_sigmoid, priority=10,
    gain="log sigma(x) for x << 0: e^{-x} overflows and the log of 0 is -inf; the truth is about x")
MIXTURE_WITH_ONE = Rule(
    "mixture_with_one", "mixture_with_one", rules_mixture_one.mixture_with_one, priority=20.5,
    gain="-log(pi + (1 - pi) e^{-e^eta}) (a zero-inflated Poisson's zero) at eta = -100: the sum rounds to 1 and the "
         "value to 0 where the truth is 2e-44; as -log1p((1 - pi) expm1(-e^eta)) every digit is kept")
LOG_ONE_MINUS_SIGMOID = Rule(
    "log_one_minus_sigmoid", "log_one_minus_sigmoid_softplus", _log_one_minus_sigmoid, priority=20,
    gain="log(1 - sigma(x)) for x >> 37: 1 - sigma(x) rounds to 0, the truth is about -x (BCE from logits)")
LOG_SIGMOID_PAIR = Rule(
    "log_sigmoid_pair", "log_sigmoid_pair", rules_logit.log_sigmoid_pair, priority=9,
    gain="w (y log sigma(z) + (1 - y) log(1 - sigma(z))) at y = 1e150, z = 1e-150: the two softplus terms are "
         "-+7e149 and their sum (the truth, 1 - log 2) is lost; y + (1 - y) = 1 is added before rounding")
SOFTPLUS_REFLECTION = Rule(
    "softplus_reflection", "softplus_reflection", rules_logit.softplus_reflection, priority=8,
    gain="(1 - y) z + (1 + (w - 1) y) log(1 + e^{-z}) (PyTorch's BCE with pos_weight) at z = -1e150, y = 1e-150: the "
         "terms are -+1e150 and their sum w y |z| ~ 1 is lost; (c_1 + c) = -w y is formed symbolically")
WEIGHTED_POWERS_COMPLEMENT = Rule(
    "weighted_powers_complement", "weighted_powers_complement", rules_weighted_powers.weighted_powers_complement,
    priority=28.9,
    gain="(1 - p^a q^{1-a} - (1-p)^a (1-q)^{1-a})/(a (1 - a)) (the alpha-divergence of two Bernoulli laws) at "
         "a = 1e-300: the powers add up to 1 and the value is 0, truth KL(q||p) = 0.044; as -q expm1(a log(p/q)) - ... "
         "each term exact, and about a = 1 from the other pivot")
UNIT_SUM_COMPLEMENT = Rule(
    "unit_sum_complement", "unit_sum_complement", rules_unit_sum.unit_sum_complement, priority=29,
    gain="(1 - sum_i p_i^q)/(q - 1) for a softmax p (Tsallis entropy) at logits (100, 1.5, -1.4, 2.6), q = 1.29: the "
         "sum rounds to 1 and the value to 0 where the truth is 7e-43; as -sum_i p_i expm1((q - 1) log p_i)/(q - 1) "
         "every term has one sign")
LOG_SOFTMAX_SPLIT = Rule(
    "log_softmax_split", "log_softmax_form", _log_softmax_split, priority=30,
    gain="log softmax for a dominated logit: the probability underflows to 0 and its log is -inf")
LOG_CONSTANT_PLUS_EXP_SUM = Rule(
    "log_constant_plus_exp_sum", "log_constant_plus_exp_sum", _log_constant_plus_exp_sum, priority=39,
    gain="log(1 + sum_i e^{s (x_i + m)}) at m = 1e300: every exponential overflows (inf), truth about s m; as the "
         "softplus of a log-sum-exp that logsumexp_shift shifts, it is finite")
LOGSUMEXP_SHIFT = Rule(
    "logsumexp_shift", "logsumexp_shift", _logsumexp_shift, priority=40,
    gain="log sum exp for logits above 709: exp overflows to inf")
EXP_NORMALIZE = Rule(
    "exp_normalize", "exp_normalize", _exp_normalize, priority=50,
    gain="softmax for logits above 709: inf/inf is nan")
LOG_SUM_EXP_SUMS = Rule(
    "log_sum_exp_sums", "log_sum_exp_sums", rules_exp_sums.log_sum_exp_sums, priority=7.9,
    gain="log sum_i cosh(beta x_i) and log sum_i (e^{beta x_i} + e^{-beta x_i}) (smooth maxima of |x|) at beta x_i = "
         "1e300: every exponential overflows and the log is inf where the value is about beta max|x_i| "
         "(:mod:`codegen.rules_exp_sums`)")
EXP_PAIR_HYPERBOLIC = Rule(
    "exp_pair_hyperbolic", "exp_pair_hyperbolic", rules_exp_sums.exp_pair_hyperbolic, priority=7.85,
    gain="e^{u} - e^{-u} at u = 1e-300 (the gradient of a smooth max of |x| written with exponentials): 0 where the "
         "truth is 2e-300; as 2 sinh u every digit is kept, and log_sum_exp_sums, hyperbolic_normalize then take it")
HYPERBOLIC_NORMALIZE = Rule(
    "hyperbolic_normalize", "hyperbolic_normalize", rules_exp_sums.hyperbolic_normalize, priority=7.95,
    gain="sinh(beta x_k)/sum_i cosh(beta x_i) (the gradient of a log-sum-cosh) at beta x = 1e300: inf/inf is nan; "
         "shifted by max_i |beta x_i| with sinh as sign e^{|u| - M} (-expm1(-2|u|))/2 it keeps u = 1e-300 too")
SOFTMAX_POWER = Rule(
    "softmax_power", "softmax_power", rules_softmax_power.softmax_power, priority=50.5,
    gain="e^{2 z_i}/(sum_j e^{z_j})^2 (a squared softmax: Brier, spherical, Renyi scores) and e^{z_k}/sqrt(sum_i e^{2 z_i}) "
         "at a logit of 1e300: inf/inf is nan (:mod:`codegen.rules_softmax_power`)")
EXP_OVER_EXP_OFFSET = Rule(
    "exp_over_exp_offset", "exp_over_exp_offset", _exp_over_exp_offset, priority=50.9,
    gain="the InfoNCE gradient e^{s_k/tau} / (e^{a/tau} + sum_j e^{s_j/tau}) at tau = 1e-300: inf/inf; divided through by "
         "e^{a/tau}, with (s_j - a)/tau formed as one quotient, exp_normalize_offset shifts it and it is finite")
EXP_NORMALIZE_OFFSET = Rule(
    "exp_normalize_offset", "exp_normalize_offset", _exp_normalize_offset, priority=51,
    gain="e^{u_k} / (1 + sum_j e^{u_j}) at u ~ 1e300 (the gradient of log(1 + sum_i e^{s (x_i + m)}) at m = 1e300): "
         "inf/inf is nan; shifted by the largest exponent where it is positive, every term is at most 1")
SOFTPLUS_STABLE = Rule(
    "softplus_stable", "softplus_stable", _softplus_stable, priority=60,
    gain="log(1 + e^x) for x > 709: e^x overflows; for x < -37: 1 + e^x rounds to 1")
SOFTPLUS_AFTER_POWER = Rule(
    "softplus_after_power", "softplus_stable", _softplus_stable, priority=69.5,
    gain="(1 - sigma(z)^q)/q (generalized cross-entropy) at z = -1e300, q = 1e-300: power_expm1 writes log sigma(z) = "
         "-log(1 + e^{-z}) after softplus_stable ran, and log1p_expm1 would make it log1p(e^{1e300}) = inf; truth "
         "(1 - e^{-1})/q")
LOG1P_EXPM1 = Rule(
    "log1p_expm1", "log1p_expm1_definitions", _log1p_expm1, priority=70,
    gain="log(1 + t) and e^x - 1 for |t|, |x| below machine epsilon: the whole value is lost")
POWER_AS_EXP = Rule(
    "power_as_exp", "power_as_exp", rules_power.power_as_exp, priority=0.8,
    gain="n^{s z_i} / sum_j n^{s z_j} (scalable softmax) at s = 1e300: the powers overflow, inf/inf; as a softmax of "
         "s z_j log n, shifted by its max (exp_normalize), at most 1")
POWER_EXPM1 = Rule(
    "power_expm1", "power_expm1", rules_power.power_expm1, priority=69,
    gain="1 - b^t for b^t near 1: m / (1 - beta^t) at t = 1e-300 divides by 0 where the truth is m / (-t log beta) "
         "(Adam's bias correction); 1 - 0.999^t at t = 1e-12 keeps 4 digits; (1 - e^{-lambda x})/lambda at "
         "lambda x = 1e-20 is 0, truth x")
INTEGER_POWER_MINUS_ONE = Rule(
    "integer_power_minus_one", "integer_power_minus_one", rules_geometric.integer_power_minus_one, priority=68.5,
    gain="c^2/6 (1 - (1 - r^2/c^2)^3) (Tukey's biweight) at r = 1e-150: (1 - 1e-300)^3 = 1 and the value 0, truth "
         "r^2/2 = 5e-301; at r/c = 1e-3, 10 digits of 16")
SIGMOID_DIFFERENCE = Rule(
    "sigmoid_difference", "sigmoid_difference", rules_sigmoid_difference.sigmoid_difference, priority=5,
    gain="sigma(r - e) - sigma(-r - e) (the gradient of a smooth epsilon-insensitive loss) at r = 1e-300, e = 1.6: "
         "both round alike and the difference is 0, truth 3e-301; from a - b = 2r and expm1 it is exact to a few ulps")
POWER_RATIO_OVER_NUMERATOR = Rule(
    "power_ratio_over_numerator", "power_ratio_over_numerator", rules_power_ratio.power_ratio_over_numerator,
    priority=66.9,
    gain="beta (t/alpha)^beta / t (the log-logistic hazard's gradient) at t = 1e-300, beta = 1.27: the power underflows "
         "to 0 where the truth is 1e-81; as beta (t/alpha)^(beta - 1) / alpha it is exact (the generalised Gaussian's "
         "gradient the same)")
POWER_OVER_BASE = Rule(
    "power_over_base", "power_over_base", rules_power.power_over_base, priority=67,
    gain="y^(2 - rho) / y at y = 1e-300, rho = 0.75: the power underflows to 0, truth y^(1 - rho) = 1e-75 (the Tweedie "
         "gradient); (mu^(2 - rho) - y mu^(1 - rho)) / mu at mu = 1e300 is inf, truth 1e75")
LOG_ADD_EXP = Rule(
    "log_add_exp", "log_add_exp", rules_power.log_add_exp, priority=59,
    gain="log(e^a + e^b) for a > 709: e^a overflows; for a, b < -745: log 0; for (0, -40) log(1 + 4e-18) rounds to 0")
LOG_ADD_WEIGHTED_EXP = Rule(
    "log_add_weighted_exp", "log_add_weighted_exp", rules_power.log_add_weighted_exp, priority=58.9,
    gain="log(w/(sqrt(2 pi) s1) e^{-(x - m1)^2/(2 s1^2)} + (1 - w)/(sqrt(2 pi) s2) e^{-(x - m2)^2/(2 s2^2)}) (a mixture of "
         "two Gaussians) at x = 1e150: both exponentials underflow and the log is -inf, truth about -x^2/(2 s^2); "
         "shifted by the largest exponent one term is its weight")
SIGMOID_STABLE = Rule(
    "sigmoid_stable", "sigmoid_stable", _sigmoid_stable, priority=80,
    gain="sigma(x) for x < -709: e^{-x} overflows to inf, 1/inf = 0 where the truth is a subnormal")

LOG_NDTR = Rule(
    "log_ndtr", "log_ndtr", _log_ndtr, priority=5,
    gain="log Phi(u) for u < -38: Phi underflows to 0 and its log is -inf (probit likelihoods)")
GAUSSIAN_TAIL = Rule(
    "gaussian_tail", "gaussian_tail", rules_gaussian_tail.gaussian_tail, priority=5.5,
    gain="phi(z)/Phi(z) (the inverse Mills ratio) at z = -40: both underflow, 0/0 is nan where the truth is 40.02; "
         "e^{z^2/2} cancels into sqrt(2/pi)/erfcx(-z/sqrt 2), exact for every z < 0")
ATAN_REFLECTION = Rule(
    "atan_reflection", "atan_reflection", rules_atan.atan_reflection, priority=5.6,
    gain="1/2 + atan(x)/pi (the Cauchy distribution function) at x = -1e20: rounds to 0 where the truth is 3.2e-21, "
         "its log -inf; as -atan(1/x)/pi, exact for every x < 0")
COS_MINUS_ONE = Rule(
    "cos_minus_one", "cos_minus_one", rules_trig.cos_minus_one, priority=5.7,
    gain="c^2 (1 - cos(r/c)) (Andrews' wave loss) at r/c = 1e-3: 10 digits of 16, at r/c = 1e-8 the value 0 where the "
         "truth is 5e-17 c^2 (a von Mises log-density near its mode the same); as 2 c^2 sin^2(r/(2c)) every digit is kept")
LOG_ATAN_COMPLEMENT = Rule(
    "log_atan_complement", "log_atan_complement", rules_trig.log_atan_complement, priority=5.55,
    gain="log(1/2 + atan(x)/pi) (the Cauchy log-CDF) at x = 1e20: the sum rounds to 1 and the log to 0 where the truth is "
         "-3.2e-21; log((2/pi) atan(e^{pi x/2})) (the hyperbolic secant log-CDF) at x = -1e3: e^{-1571} underflows and "
         "the log is -inf, truth -1571.2")
ERF_NDTR = Rule(
    "erf_ndtr", "erf_ndtr", _erf_ndtr, priority=4,
    gain="1 + erf(z) for z < -6: erf rounds to -1 and the sum to 0 (GELU, the normal CDF for x << 0)")
ERFC_NDTR = Rule(
    "erfc_ndtr", "erfc_ndtr", _erfc_ndtr, priority=4.1,
    gain="1 - erfc(z)/2 (sympy's form of erfc(-z)/2, the log-normal CDF, expected improvement) for z < -6: erfc "
         "rounds to 2 and the difference to 0 (or to 1e-16 relative digits), its log -inf; Phi(sqrt2 z) is exact")
TANH_SIGMOID = Rule(
    "tanh_sigmoid", "one_plus_tanh_sigmoid", _tanh_sigmoid, priority=6,
    gain="1 + tanh(u) for u < -19: tanh rounds to -1 and the sum to 0 (GELU's tanh form)")
SECH_SQUARE = Rule(
    "sech_square", "sech_square", _sech_square, priority=7,
    gain="1 - tanh(u)^2 for |u| > 19: rounds to 0 where the truth is 4 e^{-2|u|} (derivatives of tanh)")
LOG_COSH = Rule(
    "log_cosh", "log_cosh_stable", _log_cosh, priority=8,
    gain="log cosh x for |x| > 710: cosh overflows to inf; for |x| < 1e-8 log(1 + tiny) rounds to 0")
LOG_COSH_POWER = Rule(
    "log_cosh_power", "log_cosh_power", _log_cosh_power, priority=8.1,
    gain="log(1 - tanh(u)^2) (the log-Jacobian of a tanh-squashed policy) at u = 800: cosh^{-2} underflows and the log "
         "is -inf, truth -1598.6; at u = 1e-6, 1/cosh(u)^2 keeps 6 digits of -1e-12")
LOG_HYPERBOLIC_FACTOR = Rule(
    "log_hyperbolic_factor", "log_hyperbolic_factor", rules_log_hyperbolic.log_hyperbolic_factor, priority=8.2,
    gain="log(kappa/(4 pi sinh kappa)) (the von Mises-Fisher normaliser on the sphere) at kappa = 1e3: sinh overflows "
         "and the log is -inf, truth -994.6; log(1/(2 cosh(pi x/2))) (the hyperbolic secant log-density) at x = 500 the "
         "same, truth -786.1")
LOG_SHARE = Rule(
    "log_share", "log_share", rules_log_quotient.log_share, priority=8.6,
    gain="r log(r/(r + mu)) and (r/(r + mu))^r (negative binomial likelihoods) at r = 1e300: the quotient rounds to 1, "
         "the value to 0 and 1 where the truth is -mu and e^{-mu}; as -log1p(mu/r) every digit is kept")
LOG_EXPM1_FACTOR = Rule(
    "log_expm1_factor", "log_expm1_factor", rules_log_hyperbolic.log_expm1_factor, priority=8.25,
    gain="log((e^eta - 1)/eta) (the continuous Bernoulli normaliser) at eta = 1e150: e^eta overflows and the log is inf, "
         "truth about eta - log eta; the growth max(eta, 0) taken out of the log")
TANH_RATIO = Rule(
    "tanh_ratio", "tanh_ratio", _tanh_ratio, priority=8,
    gain="sinh u / cosh u for |u| > 710: inf/inf is nan where the truth is +-1 (derivative of log cosh)")
LOG_EXPM1 = Rule(
    "log_expm1", "log_expm1", _log_expm1, priority=8.8,
    gain="log(e^x - 1) (the inverse softplus) at x = 1e300: e^x overflows and the value is inf, truth 1e300; "
         "x + log(1 - e^{-x}) keeps it")
LOG1MEXP = Rule(
    "log1mexp", "log1mexp", _log1mexp, priority=9,
    gain="log(1 - e^{-x}) for x < 1e-16: 1 - e^{-x} rounds to 0 and the log is -inf")
LOG1MEXP_PRODUCT = Rule(
    "log1mexp_product", "log1mexp_product", rules_log1mexp_product.log1mexp_product, priority=9.05,
    gain="(alpha - 1) log(1 - e^{-lambda x}) (the generalized-exponential log-density) at lambda = x = 1e-300: the "
         "product underflows, log(-expm1(0)) is -inf where the truth is (alpha - 1)(log lambda + log x); below "
         "|lambda x| = 1e-8 the log is the sum of the factors' logs plus lambda x / 2")
LOG_OF_NEGATIVE_EXPM1 = Rule(
    "log_of_negative_expm1", "log_of_negative_expm1", rules_exp_underflow.log_of_negative_expm1, priority=69.5,
    gain="log(1 - x^a) (power_expm1 makes it log(-expm1(a log x))) at x^a = 1e-77: log 1 = 0, truth -1e-77; "
         "log1p(-e^{a log x}) below a log x = -log 2 (the Kumaraswamy log-CDF at a = 1e-150)")
LOG1MEXP_OF_EXP = Rule(
    "log1mexp_of_exp", "log1mexp_of_exp", rules_exp_underflow.log1mexp_of_exp, priority=8.9,
    gain="log(1 - exp(-e^z)) at z = -1e150 (the complementary log-log likelihood): e^z underflows to 0 and the log is "
         "-inf, truth z; with e^z taken out of the log the rest is 1 and the value z")
LOG_OF_SOFTPLUS = Rule(
    "log_of_softplus", "log_of_softplus", rules_exp_underflow.log_of_softplus, priority=8.95,
    gain="log log(1 + e^x) (the log of a softplus scale) at x = -800: e^x underflows, the softplus is 0 and its log "
         "-inf, truth -800; with e^x taken out of the log the rest is 1 and the value x")
ROOT_CANCEL = Rule(
    "root_cancel", "root_cancel", _root_cancel, priority=90,
    gain="x + sqrt(x^2 + b) for x << 0: the two terms cancel to 0 (SquarePlus); 1 + x/sqrt(x^2 + b) the same (its "
         "derivative, PFLU's gate x/2 (1 + x/sqrt(1 + x^2)) at x = -1e150: 0 where the truth is -2.5e-301)")
SCALED_SQRT = Rule(
    "scaled_sqrt", "scaled_sqrt", _scaled_sqrt, priority=95,
    gain="sqrt(sum x^2 + e) for |x| > 1e154 or < 1e-154: the squares overflow to inf or underflow to 0; the same for "
         "any real power (x^2 + e^2)^{alpha/2} (generalized Charbonnier) as M^alpha ((x/M)^2 + (e/M)^2)^{alpha/2}")
RADICAND_BESIDE_ROOT = Rule(
    "radicand_beside_root", "radicand_beside_root", rules_root_beside.radicand_beside_root, priority=94.9,
    gain="s_i sqrt(A)/(1 + A), A = sum s_j^2 (the capsule squash) at s_0 = 1e300: A overflows and the quotient is "
         "inf/inf, truth about 1; as s_i sqrt(A^)/(M A^ + 1/M) with scaled_sqrt's M and A^ no square is formed")

CONSTANT_MINUS_MAX = Rule(
    "constant_minus_max", "constant_minus_max", rules_cancel.constant_minus_max, priority=24,
    gain="log(1 - max(sigma(z) - m, 0)) at z = 1e300, m = 1e-300 (asymmetric loss): the max rounds to 1 and the log "
         "is -inf, truth log(1e-300); as min(1 - sigma(z) + m, 1) one_minus_sigmoid keeps 1 - sigma(z) exact")
ONE_MINUS_SIGMOID = Rule(
    "one_minus_sigmoid", "one_minus_sigmoid", rules_cancel.one_minus_sigmoid, priority=25,
    gain="1 - sigma(x) for x > 37: rounds to 0 where the truth is e^{-x} (focal loss, Bernoulli KL)")
SHIFT_COLLECT = Rule(
    "shift_collect", "shift_collect", rules_cancel.shift_collect, priority=55,
    gain="a/tau - m/tau for tau = 1e-300: both overflow; for a = m = 1e300 the log-sum added to them is lost")
LOG1P_POWER = Rule(
    "log1p_power", "log1p_power", rules_log1p_power.log1p_power, priority=70.5,
    gain="log(1 + (t/alpha)^beta) (a log-logistic cumulative hazard) at t/alpha = 1e300, beta = 2: the power overflows "
         "and the value is inf, truth 1381.6; as beta (log t - log alpha) + log1p((t/alpha)^-beta) it is exact")
LOG1P_LARGE_PRODUCT = Rule(
    "log1p_large_product", "log1p_large_product", rules_log.log1p_large_product, priority=72,
    gain="log1p(u^2 w) for |u| > 1e154: the square overflows to inf where the truth is about 2 log|u| (Student-t, Cauchy)")
LOG1P_LARGE_QUOTIENT = Rule(
    "log1p_large_quotient", "log1p_large_quotient", rules_log.log1p_large_quotient, priority=72,
    gain="log1p(xi x / sigma) at x = 1e300, sigma = 1e-300 (generalised Pareto log-density, Fair loss): the quotient "
         "overflows and the value is inf, truth about 1382; as log xi + log x - log sigma + log1p(sigma / (xi x))")
LOG_EXP_PLUS_EXP_SUM = Rule(
    "log_exp_plus_exp_sum", "log_exp_plus_exp_sum", _log_exp_plus_exp_sum, priority=58.55,
    gain="InfoNCE -log(e^{a/tau} / (e^{a/tau} + sum_j e^{s_j/tau})) at a = 1e300, tau = 1e-300: after log_of_exp_quotient "
         "the log of e^{a/tau} + sum_j e^{s_j/tau} is inf - inf; as a/tau + softplus(max_j s_j/tau + log sum_j "
         "e^{s_j/tau - max} - a/tau) it is finite")
LOG_OF_EXP_QUOTIENT = Rule(
    "log_of_exp_quotient", "log_of_exp_quotient", rules_log.log_of_exp_quotient, priority=58.5,
    gain="log(e^{s1} / (e^{s1} + e^{s2} + nu e^{(s1 + s2)/2})) (Davidson's win probability) at s1 = -1e150: the quotient "
         "is 0 and the log -inf, truth s1; as s1 - log(...) with a weighted log-sum-exp it is finite")
SCALE_OVER_ARGUMENT = Rule(
    "scale_over_argument", "scale_over_argument", rules_ratio.scale_over_argument, priority=3,
    gain="gamma tanh(x/gamma) for x/gamma below the smallest subnormal: 0 where the truth is x (soft capping)")
COMMON_DENOMINATOR = Rule(
    "common_denominator", "common_denominator", rules_fraction.common_denominator, priority=2,
    gain="1 - (s + 2 sum p t) / (s + sum p + sum t) at s = 1e150: the quotient rounds to 1 and the difference to 0, "
         "truth ~1e-150 (a Dice loss); over the common denominator s cancels symbolically")
ARGUMENT_OVER_SCALE = Rule(
    "argument_over_scale", "argument_over_scale", rules_ratio.argument_over_scale, priority=71.9,
    gain="(1 - e^{-lambda x}) / lambda at x = lambda = 1e-300: lambda x underflows to 0 and so does the value, truth x; "
         "tanh(k a)/k the same")
WEIGHTED_LOGISTIC_OF_EXP = Rule(
    "weighted_logistic_of_exp", "weighted_logistic_of_exp", rules_cancel.weighted_logistic_of_exp, priority=75.1,
    gain="n e^{-s} / (1 + n e^{-s})^2 (the gradient of sigmoid attention with its -log n bias) at s = -1e300: inf/inf, "
         "truth 0; as sigma(v) sigma(-v), v = log n - s")
LOGISTIC_OF_EXP = Rule(
    "logistic_of_exp", "logistic_of_exp", rules_cancel.logistic_of_exp, priority=75,
    gain="e^u / (1 + e^u)^2 for u > 709: inf/inf is nan where the truth is e^{-u} (the derivative of the sigmoid)")
LOGISTIC_IN_LOG = Rule(
    "logistic_in_log", "logistic_of_exp", rules_cancel.logistic_in_log, priority=8.5,
    gain="log(e^{-z} / (1 + e^{-z})) at z = -100 (a Bernoulli entropy): split by the log rules into -z - softplus(-z), "
         "100 - 100 = 0 where the truth is -e^{-100}; as log sigma(-z) it is -softplus(z), exact")
EXP_ABSORB = Rule(
    "exp_absorb", "exp_absorb", rules_cancel.exp_absorb, priority=74,
    gain="(1 + e^b) e^{-b} for b > 709: inf * 0 is nan where the truth is 1 + e^{-b} (sigmoid-loss gradients)")
SCALES_INTO_SUM = Rule(
    "scales_into_sum", "scales_into_sum", rules_ratio.scales_into_sum, priority=96,
    gain="sum a_i b_i / (|a| |b|) for |a|, |b| > 1e154: the products overflow (cosine similarity); the scaled ratios do not")
SCALE_INTO_ENTRY = Rule(
    "scale_into_entry", "scale_into_entry", rules_ratio.scale_into_entry, priority=98,
    gain="w_i x_i / (M sqrt(S)) at w = x = 1e300: w_i x_i overflows (RMSNorm); x_i / M is at most 1 and is formed first")
MEAN_FROM_TOP = Rule(
    "mean_from_top", "mean_from_top", rules_softmax.mean_from_top, priority=56,
    gain="g_k - sum_i g_i p_i for a near one-hot p (softmax VJP at x = (700, 0, 30)): cancels to 0 or noise at the top k")
ONE_MINUS_TOP = Rule(
    "one_minus_top", "one_minus_top", rules_softmax.one_minus_top, priority=57,
    gain="1 - p_k at the top index of a near one-hot softmax (InfoNCE's gradient): rounds to 0, truth e^{-40}")
DIFFERENCE_OF_SQUARES = Rule(
    "difference_of_squares", "difference_of_squares", rules_cancel.difference_of_squares, priority=85,
    gain="sum u^2 - sum v^2 for u ~ v ~ 1e10: the sums agree in 16 digits and their difference keeps 1e-7")

RATIO_BEFORE_POWER = Rule(
    "ratio_before_power", "ratio_before_power", rules_ratio.ratio_before_power, priority=97,
    gain="(x - mu)^2 / (nu s^2) at x = s = 1e300: inf/inf is nan, at x = mu, s = 1e-300: 0/0; the squared ratio is 1/nu "
         "or 0 (Student-t, Cauchy, standardized squares)")
PRODUCT_BEFORE_POWER = Rule(
    "product_before_power", "product_before_power", rules_ratio.product_before_power, priority=97.05,
    gain="exp(-alpha^2 x^2 / 2) (the skew-normal gradient) at alpha = 1e300, x = 1e-300: inf * 0 is nan, truth e^{-1/2}; "
         "as (alpha x)^2 the square is 1")
POWER_OF_RATIO = Rule(
    "power_of_ratio", "power_of_ratio", rules_ratio.power_of_ratio, priority=96.8,
    gain="(|x - mu|/alpha)^beta (a generalised Gaussian) at x = 1e300, alpha = 1e-300, beta = 0.51: the quotient "
         "overflows and the power is inf, truth 1.7e306; e^{beta (log u - log v)} beyond the float range of u/v")
LOG_GAMMA_DIFFERENCE = Rule(
    "log_gamma_difference", "log_gamma_difference", rules_log.log_gamma_difference, priority=71,
    gain="log Gamma(b + 1/2) - log Gamma(b) for b = 5e299: both are 3e302 and the difference (345) is lost; 10 digits "
         "left at b = 1e6 (Student-t normalizer)")
LOG_BETA = Rule(
    "log_beta", "log_beta", rules_log.log_beta, priority=70.9,
    gain="log Gamma(a) + log Gamma(b) - log Gamma(a + b) at a = 1.08, b = 1e150 (a Beta likelihood): the last two agree "
         "in all 16 digits, value 0 or garbage where the truth is -374; as betaln(a, b) (scipy) it is exact")
LOG_GAMMA_NEAR_ZERO = Rule(
    "log_gamma_near_zero", "log_gamma_near_zero", rules_log_gamma_zero.log_gamma_near_zero, priority=71.5,
    gain="log Gamma(1 + k) (the -log k! of a Poisson or generalised Poisson log-probability, the expected Poisson "
         "log-likelihood under a Gamma rate) at k = 1e-300: 1 + k rounds to 1 and gammaln to 0, truth -5.8e-301; 8 "
         "digits of 16 at k = 1e-8; the Taylor series in k keeps every digit")
ROOT_DIFFERENCE = Rule(
    "root_difference", "root_difference", rules_root.root_difference, priority=88,
    gain="sqrt(x^2 + 1) - 1 for |x| < 1e-8: rounds to 0 where the truth is x^2/2 (BentIdentity)")
LOG_OF_ROOT_SUM = Rule(
    "log_of_root_sum", "log_of_root_sum", rules_root.log_of_root_sum, priority=2,
    gain="log(x + sqrt(x^2 + 1)) (an inverse hyperbolic sine written as its log) at x = -1e8: the sum cancels to 0 and "
         "the log is -inf where the truth is -19.1; at |x| > 1e154 the square overflows; asinh(x) is exact")
ROOT_OF_PRODUCT = Rule(
    "root_of_product", "root_of_product", rules_root.root_of_product, priority=86,
    gain="sqrt(p q) at p = q = 1e300 (Bhattacharyya coefficient): the product overflows, truth 1e300; at 1e-300 it "
         "underflows to 0; as sqrt|p| sqrt|q| where the signs agree, each root is in range")
SQUARE_INTO_ROOT = Rule(
    "square_into_root", "square_into_root", rules_root.square_into_root, priority=87,
    gain="delta^2 (sqrt(1 + (x/delta)^2) - 1) at x = 1e300, delta = 1e-300: x/delta overflows and the value is inf, "
         "truth |x delta| = 1 (pseudo-Huber); |delta| sqrt(delta^2 + x^2) - delta^2 holds no quotient")
HEAVISIDE_SELECT = Rule(
    "heaviside_select", "heaviside_select", rules_select.heaviside_select, priority=92.9,
    gain="e^{x/alpha} H(alpha (1 - e^{x/alpha})) at x/alpha = 1e300 (CELU's gradient): inf * 0 is nan where the truth is "
         "0; selected, the factor of the branch not taken is never used")
HEAVISIDE_SELECT_FIRST = Rule(
    "heaviside_select_first", "heaviside_select", rules_select.heaviside_select, priority=0.5,
    gain="the derivative of max(sigma(z) - m, 0)^gamma (the asymmetric loss) where sigma(z) < m: gamma max^gamma / max "
         "* H = 0/0 * 0 is nan where the truth is 0; once sigmoid_stable has put |z| into the step, heaviside_select "
         "leaves it a product (a kinked step), so the selection is made first, on the step as derived")
STEP_SCALE = Rule(
    "step_scale", "step_scale", rules_step.step_scale, priority=93,
    gain="H(alpha + sum (n - p)(2a - n - p)) at a = 1e300 (the triplet loss's gradient): the products overflow and "
         "their sum is inf - inf, the step of nan; over the largest factor M each product is at most 1")

RATIO_OF_EQUAL_SUMS = Rule(
    "ratio_of_equal_sums", "ratio_of_equal_sums", rules_sums.ratio_of_equal_sums, priority=31,
    gain="sum_i p_i written sum_i e^{z_i} / sum_j e^{z_j} in the gradient of the softmax entropy: log-sum-exp and 1 "
         "cancel only in floating point, 1 % off at z = (100, 3, 0, 2) where the gradient is 1e-40")

ZERO_TIMES_LOG = Rule(
    "zero_times_log", "zero_times_log", rules_xlogy.zero_times_log, priority=1.5,
    gain="p log(2p/(p + q)) for softmaxes p, q of logits ~1e300 (Jensen-Shannon): p and q underflow to 0 and the "
         "log of their split quotient is inf, 0 * inf = nan; the truth about 1e-(1e300), and 0 where p is 0")

LOG_GAMMA_SHIFT = Rule(
    "log_gamma_shift", "log_gamma_shift", rules_log_gamma_shift.log_gamma_shift, priority=71.2,
    gain="log Gamma(n + 1) - log Gamma(n - k + 1) (a log binomial coefficient) at n = 1e150, k = 1e-150: both are "
         "5e151 and equal in float64, value 0 where the truth is 3.5e-148 (error 1.0); the negative binomial's "
         "log Gamma(k + r) - log Gamma(r) at r = 1e300 the same")
LOG_AT_LEAST_ONE = Rule(
    "log_at_least_one", "log_at_least_one", rules_at_least_one.log_at_least_one, priority=8.7,
    gain="log(1 - (1 - x^a)^b) (the Kumaraswamy log-CDF) at x = 0.9, a = 1e300: x^a is 0 and the value -inf where the "
         "truth is log b + a log x = -1.1e299; log(1 - (1 - p)^c) at p = c = 1e-300 the same (c log1p(-p) underflows)")
POWER_OF_SOFTPLUS = Rule(
    "power_of_softplus", "power_of_softplus", rules_power.power_of_softplus, priority=59,
    gain="(1 + nu e^{-k(x - x0)})^{-1/nu} (the generalised logistic) at x = -1e300, nu = 1e300: e^{u} overflows and the "
         "power is 0 where the truth is about 0.17; as exp(-log(1 + e^{u + log nu})/nu) the softplus does not overflow")

LOG_DIFFERENCE_OF_EXP = Rule(
    "log_difference_of_exp", "log_difference_of_exp", rules_log_difference.log_difference_of_exp, priority=58.8,
    gain="log(e^{-a x} - e^{-b x}) (a hypoexponential log-density) at x = 1e-300: both exponentials round to 1 and the "
         "log is -inf, truth log((b - a) x) = -690; as -a x + log(-expm1((a - b) x)) every digit is kept")

REMOVABLE_RATIO = Rule(
    "removable_ratio", "removable_ratio", rules_removable.removable_ratio, priority=1.6,
    gain="the gradient of log(1 - (1 - x^a)^b) (the Kumaraswamy log-CDF) at x = 0.897, a = 1e300: x^a and "
         "1 - (1 - x^a)^b both underflow, 0/0 (inf after the other rules) where the truth is a/x = 1.1e300; the "
         "quotient's limit 1/b is taken where the computed x^a is 0")

LOG_BESSEL_I = Rule(
    "log_bessel_i", "log_bessel_i", rules_bessel.log_bessel_i, priority=8.05,
    gain="log I_0(kappa) (the von Mises normaliser) at kappa = 1e3: I_0 overflows and the log is inf where the truth is "
         "996.1; as kappa + log(i0e(kappa)) it is exact to the last digit up to kappa = 1e300")

FOLD_AT_KINK = Rule(
    "fold_at_kink", "fold_at_kink", rules_kink_fold.fold_at_kink, priority=0.4,
    gain="the gradient of the Wendland kernel max(0, 1 - s)^4 (4s + 1) at s = r/ell = 1e-150: max(0, 1 - s) - (1 + 4s) "
         "H(1 - s) rounds to 0 where the truth is -5s (the VJP 100 % off); folded where s < 1 it is -5s")

SUM_INTO_BRANCH = Rule(
    "sum_into_branch", "sum_into_branch", rules_sum_into_branch.sum_into_branch, priority=70.6,
    gain="the Dagum log-density a p log(x/b) - (p + 1) log(1 + (x/b)^a) at x = p = 1e300: log1p_power puts a log(x/b) "
         "into a branch, two terms of 7e302 never meet and the error is 0.25; folded into the branch and collected, the "
         "coefficient of log x is -a - 1 and the value is exact")

SUM_INTO_LARGE_BRANCH = Rule(
    "sum_into_large_branch", "sum_into_branch", rules_sum_into_branch.sum_into_branch, priority=72.5,
    gain="the Student-t NLL ell + (nu + 1)/2 log(1 + z e^{-2 ell}/nu) at ell = -1e300, nu = 1e-300: log1p_large_product "
         "(after sum_into_branch's first turn) writes the log's large branch with -2 ell, and ell - (nu + 1) ell are "
         "two terms of 1e300 that never meet (error 0.5); folded and collected, the coefficient is -nu and the value "
         "is exact")

SIGMOID_REFLECTION = Rule(
    "sigmoid_reflection", "sigmoid_reflection", rules_sigmoid_reflection.sigmoid_reflection, priority=5.6,
    gain="ACON-C (p1 - p2) x sigma(beta (p1 - p2) x) + p2 x at x = -1e300, p1 = 1e-300: the sigmoid is 1 and the two "
         "terms of 1.9e300 cancel to 0 where the truth is p1 x = -1; as p1 x - (p1 - p2) x sigma(-v) it is exact")

LOG_EXP_NEAR_ONE = Rule(
    "log_exp_near_one", "log_exp_near_one", rules_log_exp_near_one.log_exp_near_one, priority=58.8,
    gain="the Blake-Zisserman loss -log(e^{-r^2/c^2} + eps) at r = eps = 1e-300: the sum rounds to 1 and the log to 0 "
         "where the truth is -1e-300; as log1p(expm1(-r^2/c^2) + eps) it is exact")

LOG_I0E_LARGE = Rule(
    "log_i0e_large", "log_i0e_large", rules_bessel_large.log_i0e_large, priority=8.06,
    gain="the Rice log-density's log I_0(x nu / sigma^2) at x = nu = 1e300: after log_bessel_i the argument of i0e "
         "overflows, i0e(inf) = 0 and the log is -inf where the truth is -691; as -log(2 pi)/2 - log|z|/2 it is exact")
SCALE_OVER_EVEN_ARGUMENT = Rule(
    "scale_over_even_argument", "scale_over_even_argument", rules_even_scale.scale_over_even_argument, priority=3.1,
    gain="the scaled log-cosh loss c log cosh((p - y)/c) at c = 1e300: the quotient's square underflows and the value is "
         "0 where the truth is (p - y)^2/(2c); as (p - y) u / 2, u = (p - y)/c, nothing underflows")
ABS_PAIR = Rule(
    "abs_pair", "abs_pair", rules_abs_pair.abs_pair, priority=8.08,
    gain="the von Mises NLL's log I_0(kappa) - kappa at kappa = 1e300: log_bessel_i writes |kappa| + log i0e(kappa), the "
         "sum adds -345 to |kappa| before -kappa takes it away and the value is log(2 pi), truth -344; as "
         "2 max(-kappa, 0) the two meet exactly")
COMPLETE_SQUARE = Rule(
    "complete_square", "complete_square", rules_complete_square.complete_square, priority=8.07,
    gain="-(x^2 + nu^2)/(2 sigma^2) + |x nu|/sigma^2 (the Rice log-density after log_bessel_i) at x = nu = 1e300: "
         "every term overflows and the sum is nan where the truth is 0; as -(|x| - |nu|)^2/(2 sigma^2) it is exact")

RULES: tuple[Rule, ...] = tuple(sorted(
    (LOG_SIGMOID, LOG_ONE_MINUS_SIGMOID, LOG_SIGMOID_PAIR, GAUSSIAN_TAIL, ATAN_REFLECTION, COS_MINUS_ONE, LOG_ATAN_COMPLEMENT, WEIGHTED_POWERS_COMPLEMENT, UNIT_SUM_COMPLEMENT, LOG_SOFTMAX_SPLIT, LOG_CONSTANT_PLUS_EXP_SUM, LOGSUMEXP_SHIFT, EXP_NORMALIZE, SOFTPLUS_STABLE,
     LOG1P_EXPM1, POWER_AS_EXP, POWER_EXPM1, INTEGER_POWER_MINUS_ONE, LOG_ADD_EXP, LOG_ADD_WEIGHTED_EXP, SIGMOID_STABLE, ERF_NDTR, ERFC_NDTR, LOG_NDTR, TANH_SIGMOID, SECH_SQUARE, LOG_COSH, LOG_COSH_POWER, LOG_HYPERBOLIC_FACTOR, TANH_RATIO, LOG1MEXP_OF_EXP, LOG_OF_SOFTPLUS, LOG1MEXP, LOG1MEXP_PRODUCT, LOG_EXPM1, ROOT_CANCEL, RADICAND_BESIDE_ROOT,
     SCALED_SQRT, ONE_MINUS_SIGMOID, SHIFT_COLLECT, DIFFERENCE_OF_SQUARES, LOG1P_POWER, LOG1P_LARGE_PRODUCT, LOG_OF_EXP_QUOTIENT,
     SCALE_OVER_ARGUMENT, ARGUMENT_OVER_SCALE, COMMON_DENOMINATOR, LOGISTIC_IN_LOG, LOGISTIC_OF_EXP, WEIGHTED_LOGISTIC_OF_EXP, EXP_ABSORB, SCALES_INTO_SUM, SCALE_INTO_ENTRY, RATIO_BEFORE_POWER, LOG_BETA, LOG_GAMMA_DIFFERENCE,
     ROOT_DIFFERENCE, SQUARE_INTO_ROOT, RATIO_OF_EQUAL_SUMS, POWER_RATIO_OVER_NUMERATOR, POWER_OVER_BASE, HEAVISIDE_SELECT_FIRST, HEAVISIDE_SELECT, STEP_SCALE, ZERO_TIMES_LOG,
     SOFTPLUS_AFTER_POWER, MIXTURE_WITH_ONE, CONSTANT_MINUS_MAX, EXP_NORMALIZE_OFFSET, ROOT_OF_PRODUCT, LOG_OF_ROOT_SUM,
     SOFTPLUS_REFLECTION, POWER_OF_SOFTPLUS, SOFTMAX_POWER, LOG_SUM_EXP_SUMS, HYPERBOLIC_NORMALIZE, EXP_PAIR_HYPERBOLIC,
     LOG_OF_NEGATIVE_EXPM1, LOG_EXPM1_FACTOR, LOG_SHARE, LOG_DIFFERENCE_OF_EXP, REMOVABLE_RATIO, FOLD_AT_KINK, LOG_BESSEL_I, SUM_INTO_BRANCH, SUM_INTO_LARGE_BRANCH, SIGMOID_REFLECTION, LOG_I0E_LARGE, ABS_PAIR, LOG_EXP_PLUS_EXP_SUM, SCALE_OVER_EVEN_ARGUMENT, EXP_OVER_EXP_OFFSET),
    key=lambda r: r.priority))


LOGSUMEXP_LOG1P = Rule(
    "logsumexp_log1p", "logsumexp_log1p", rules_cancel.logsumexp_log1p, priority=45,
    gain="log sum exp for a dominant logit (40, 0): the shifted sum rounds to 1 and its log to 0, truth e^{-40}")

SOFTMAX_DIFFERENCE = Rule(
    "softmax_difference", "softmax_difference", rules_softmax_gap.softmax_difference, priority=44,
    gain="p_i - q_i for the softmaxes of logits a, b ~ 1e-300: both round to 1/n, the difference to 0 where the truth "
         "is about 1e-300 (error 1); as q_i expm1(d_i - log1p(sum_j q_j expm1(d_j))) every digit of d = a - b is kept")

TAYLOR_BRANCH = Rule(
    "taylor_branch", "taylor_branch", rules_series.taylor_branch, priority=1,
    gain="x - tanh(x) at x = 1e-5: 6 digits of 16 (the terms agree in 10); e^x - 1 - x at 1e-9: none")

WEIGHTS_AS_SOFTMAX = Rule(
    "weights_as_softmax", "weights_as_softmax", rules_log_weights.weights_as_softmax, priority=0.85,
    gain="(1 + d_i^2)^-1 / sum_j (1 + d_j^2)^-1 (t-SNE affinities) at d ~ 1e300: 0/0; as a softmax of -log1p(d^2) "
         "with its max-shift, exact")

TAIL_DIFFERENCE = Rule(
    "tail_difference", "tail_difference", rules_tail_difference.tail_difference, priority=5.5,
    gain="erf(5.9) - erf(4.7) (a soft histogram bin): 5 digits of 16, none beyond 8.3; erfc's difference all of them")

STIRLING_BRANCH = Rule(
    "stirling_branch", "stirling_branch", rules_stirling.stirling_branch, priority=70.5,
    gain="a - log b + log Gamma(a) + (1 - a) psi(a) (a Gamma entropy) at a = 1e300: terms of 7e302, sum 346; every digit "
         "lost (error 1.0), 4e-16 from the series; 1 + (1 - a) psi'(a) at a = 1e300: 0 for 5e-301")

POWER_MEAN_SCALE = Rule(
    "power_mean_scale", "power_mean_scale", rules_power_mean.power_mean_scale, priority=94.1,
    gain="the power-mean normalisation x_i / (mean_j |x_j|^p + eps)^{1/p} at p = 1e300: the powers overflow and the value "
         "is 0 where the truth is x_i / max_j |x_j|; scaled by the largest |x_j| every power is at most 1")
HOMOGENEOUS_SCALE = Rule(
    "homogeneous_scale", "homogeneous_scale", rules_homogeneous.homogeneous_scale, priority=94,
    gain="x_k sum g x / sum x^2 for |x| > 1e154: inf/inf (the VJP of x/|x|); on x/max|x| every sum is finite")

LOG_OF_QUOTIENT = Rule(
    "log_of_quotient", "log_of_quotient", rules_logspace.log_of_quotient, priority=71,
    gain="log(s2/s1) at s1 = 1e-300, s2 = 1e300: the quotient overflows and the log is inf, truth 1381.6 (Gaussian KL)")
LOG_OF_SQUARES = Rule(
    "log_of_squares", "log_of_squares", rules_log_squares.log_of_squares, priority=94.5,
    gain="log sum (x_i - y_i)^2 (the log power kernel, after log1p_power) at x_0 = 1e300: the sum overflows and the log "
         "is inf, truth 1381.6; log((g + s)^2 + (m - v)^2) (the Cauchy KL divergence) at v = 1e300 the same; as "
         "2 log M + log sum ((x_i - y_i)/M)^2 every square is at most 1")
SOFTMAX_SQUARE_OFFSET = Rule(
    "softmax_square_offset", "softmax_square_offset", rules_softmax_offset.softmax_square_offset, priority=49.5,
    gain="e^{-b (x - c_i)^2} / sum_j e^{-b (x - c_j)^2} (soft assignment) at x = 1e300: every logit is -inf and the "
         "shifted ones nan, truth one-hot; as -b c_j (c_j - 2x) the logits are finite and their max-shift exact")
LOG_OF_PRODUCT_SUM = Rule(
    "log_of_product_sum", "log_of_product_sum", rules_logspace.log_of_product_sum, priority=70.5,
    gain="log((y - g)^2 nu + 2 b (1 + nu)) (deep evidential regression) at y = 1e300 or at b = nu = 1e300: a product "
         "overflows and the log is inf, truth about 1400; each product's log is a sum of logs, shifted by their max")
LOG_SPACE_PRODUCT = Rule(
    "log_space_product", "log_space_product", rules_logspace.log_space_product, priority=71,
    gain="x (26829 x^2 + 200000) / cosh(u)^2, u ~ x^3, at x = 1e150: inf/inf is nan, truth 0 (GELU tanh-form gradient); "
         "x e^{-w} at x = 1e300, w = 800: e^{-800} underflows to 0, truth 3.6e-48")

LOG_SPACE_MONOMIAL = Rule(
    "log_space_monomial", "log_space_monomial", rules_logspace.log_space_monomial, priority=93.5,
    gain="s (x - m)^2 / (2 m^2 x) (the Wald log-density) at x = 1e-300, m = 1e300: (x - m)^2 overflows, truth 8e299; "
         "its gradient's s ((x - m)/m)^2 / x at x = 1e300 the same; in log space the exponent is about 691")

LOG_ADD_NEAR_TOP = Rule(
    "log_add_near_top", "log_add_near_top", rules_power.log_add_near_top, priority=59.5,
    gain="log(e^{s1} / (e^{s1} + e^{s2} + nu e^{(s1 + s2)/2})) (Davidson's win probability) at s1 = 100, s2 = 1.5: the "
         "shifted sum rounds to 1, the log to 0, truth -5e-22; as log1p of the sum less its top term's 1 it is exact")

SIGMOID_TANH = Rule(
    "sigmoid_tanh", "tanh_sigmoid", _sigmoid_tanh, priority=5.9,
    gain="-1 + 2/(1 + e^{u}) (the gradient of the logistic CRPS) at u = 1e-300: rounds to 0 where the truth is -5e-301; "
         "as -tanh(u/2) every digit is kept")

HOMOGENEOUS_SCALARS = Rule(
    "homogeneous_scalars", "homogeneous_scalars", rules_homogeneous.homogeneous_scalar_scale, priority=94,
    gain="nu (d^2 - s^2) / (s (nu s^2 + d^2)), d = x - mu, at d = s = 1e300: inf/inf; at d = 1e-300, s = 1e-150: 0/0 "
         "(the Student-t gradient in s); on d/M, s/M the sums are at most 1 + nu")

EXPM1_QUOTIENT = Rule(
    "expm1_quotient", "expm1_quotient", rules_logspace.expm1_quotient, priority=71,
    gain="m / (1 - beta^t) at m = 1e300, beta = 1e300, t = 1.34: beta^t overflows and the quotient is -0, truth -1e-102 "
         "(Adam's bias correction); exp(log|m| - t log beta) is normal")
PAIRED_QUOTIENT = Rule(
    "paired_quotient", "paired_quotient", rules_pairing.paired_quotient, priority=100,
    gain="(1 - t y)^2 / (2 delta) at 1 - t y = 9e298, delta = 1e300: the square overflows, truth 4e297 (Huberized hinge); "
         "(e^x - 1 - x) / x^2 at x = -1e300: 1e300 / inf = 0, truth 1e-300")

QUOTIENT_INTO_SUM = Rule(
    "quotient_into_sum", "quotient_into_sum", rules_pairing.quotient_into_sum, priority=97,
    gain="(2 sum p t + s) / (sum p + sum t + s) at p, t ~ 1e300: sum p t overflows, truth ~ 1e300 (a Dice ratio); "
         "each (p_i / D) t_i is finite")

POLYNOMIAL_QUOTIENT_SCALE = Rule(
    "polynomial_quotient_scale", "polynomial_quotient_scale", rules_quotient_scale.polynomial_quotient_scale,
    priority=96.5,
    gain="sum p t / (sum p t + alpha sum p (1 - t) + beta sum (1 - p) t) at p, t ~ 1e300 (the Tversky ratio): the sums "
         "overflow, inf/inf; over max(1, max|p|) max(1, max|t|) every factor is at most 2")

LOG_OF_POSITIVE_PRODUCT = Rule(
    "log_of_positive_product", "log_of_positive_product", rules_log.log_of_positive_product, priority=9,
    gain="log((1 + e^{p x}) / (1 + e^{p x - p})) / p at p = 1e150: inf/inf in the quotient (soft clipping); split, "
         "each log is a softplus and the value is x")

SCALE_INTO_TERMS = Rule(
    "scale_into_terms", "scale_into_terms", rules_fraction.scale_into_terms, priority=98.9,
    gain="c^2 (|x|/c - log(1 + |x|/c)) (the Fair loss) at x = 1e300, c = 1e-300: |x|/c overflows and c^2 underflows, "
         "inf * 0, truth 1; distributed, c |x| = 1")
SCALE_INTO_BRANCHES = Rule(
    "scale_into_branches", "scale_into_branches", rules_fraction.scale_into_branches, priority=99,
    gain="delta^2 (x/delta)^2 / (sqrt(1 + (x/delta)^2) + 1) at delta = 1e300: inf * 0 (pseudo-Huber after "
         "root_difference); inside the branch delta^2 (x/delta)^2 = x^2")

POWER_BREGMAN = Rule(
    "power_bregman", "power_bregman", rules_bregman.power_bregman, priority=1,
    gain="Tweedie deviance (a Bregman divergence of y^(2 - rho)) at y/mu = 1.01: its three terms cancel to 1e-4 of "
         "themselves, 2e-12 relative; phi(beta L) - beta phi(L) cancels by beta/(beta - 1) only")

LOG_BREGMAN = Rule(
    "log_bregman", "log_bregman", rules_bregman.log_bregman, priority=1.1,
    gain="2 (y/mu - 1 - log(y/mu)) (the gamma deviance) at y/mu = 1.0018: terms of order 1, sum 3e-6, 1.3e-11 relative; "
         "s1^2/(2 s2^2) - log(s1/s2) - 1/2 (a Gaussian KL's variance part) the same; as k phi(p log1p((x - y)/y)) exact")

# before product_before_power (97.05): its (u v)^2 of u^2 v^2 is no power of symbols, and N/(1 + (u v)^2) then
# overflows in the square (the tangent loss's gradient 4 g y (2 atan(f y) - 1)/(1 + f^2 y^2) at y = 1e300)
OVER_LARGE_TERM = Rule(
    "over_large_term", "over_large_term", rules_fraction.over_large_term, priority=97.04,
    gain="2 r / (1 + r^4/a^2) (the gradient of the arctan loss) at r = a = 1e300: r^4/a^2 overflows and the value is 0, "
         "truth 2e-300; as (2 r a^2 / r^4) / (1 + a^2/r^4) it is paired into range")
TERM_OVER_SUM = Rule(
    "term_over_sum", "term_over_sum", rules_fraction.term_over_sum, priority=97.5,
    gain="2 u^2 / (u^2 + 4), u = x/c (Geman-McClure) at x = 1e300 or c = 1e-300: inf/inf, truth 2; as 2 / (1 + 4/u^2) "
         "the ratio 4/u^2 is 0 and the value 2")

LOG_OF_MEAN = Rule(
    "log_of_mean", "log_of_mean", rules_power.log_of_mean, priority=35,
    gain="log((1/n) sum e^{r x_i}) / r (log-mean-exp pooling) at r = 1e-300: every e^{r x_i} rounds to 1, the log to 0, "
         "truth mean(x); at r = 1e300 e^{r x} overflows unless the log-sum-exp is shifted")

SOFTPLUS_RATIO = Rule(
    "softplus_ratio", "softplus_ratio", rules_softplus_ratio.softplus_ratio, priority=8,
    gain="log((1 + e^{p x}) / (1 + e^{p x - p})) / p (soft clipping) at p = 1e-150: split into two softplus terms, "
         "log 2 - log 2 = 0 where the truth is 1/2; at x = 1e300, p = 1.9 the exponents round to one float")

POWER_LOG1P = Rule(
    "power_log1p", "power_log1p", rules_power.power_log1p, priority=68,
    gain="(1 + v)^(alpha/2 - 1) at alpha = 1e300, v = 1e-300 (Barron's gradient): 1 + v rounds to 1 and the power is 1, "
         "truth e^(alpha v / 2); scaled first, M^alpha S^(alpha/2) is inf * 0")

SCALE_INTO_SUMMAND = Rule(
    "scale_into_summand", "scale_into_summand", rules_scale_into_summand.scale_into_summand, priority=98.5,
    gain="-tau^2 sum_i p_i ((s_i - m)/tau - L) (distillation at temperature tau = 1e-300): tau^2 underflows to 0 and "
         "(s_i - m)/tau is 1e300, value 0 where the truth is about 1e-300; multiplied in, tau^2/tau is tau")

RATIO_BEFORE_UNEQUAL_POWERS = Rule(
    "ratio_before_unequal_powers", "ratio_before_unequal_powers", rules_ratio.ratio_before_unequal_powers, priority=97.1,
    gain="(x - y)^2 / l^3 (the gradient of a squared-exponential kernel in its length scale) at x - y = l = 1e300: "
         "inf/inf is nan, truth 1e-300; as ((x - y)/l)^2 / l it is finite")

LERP_WEIGHTS = Rule(
    "lerp_weights", "lerp_weights", rules_lerp.lerp_weights, priority=5.65,
    gain="eta_min + (eta_max - eta_min)(1 + cos(pi t/T))/2 (cosine annealing) at t = 1e-300, eta_max = 1e-300, "
         "eta_min = 0.64: 0.64 - 0.64 = 0 where the truth is 1e-300; as sin^2 eta_min + cos^2 eta_max both terms are kept")
STEP_SUM_SELECT = Rule(
    "step_sum_select", "step_sum_select", rules_step_sum.step_sum_select, priority=92.95,
    gain="A g e^{l - l0} (H(...) + H(...) H(...) H(...)) (the gradient of PPO's clipped surrogate) at l = 1e150: "
         "e^{l - l0} overflows where the steps sum to 0, inf * 0 = nan where the truth is 0; selected, 0")
CANCELLING_TERMS = Rule(
    "cancelling_terms", "cancelling_terms", rules_cancelling_terms.cancelling_terms, priority=2.1,
    gain="(r + y)/(mu + r) - y/mu (a negative binomial's gradient in its mean) at r = 1e-300: y/mu - y/mu leaves r/mu, "
         "relative error y/mu; over mu + r the y cancels by algebra, r (1 - y/mu)/(mu + r)")

COSTLY_RULES: tuple[Rule, ...] = (POWER_MEAN_SCALE, COMPLETE_SQUARE, LOG_EXP_NEAR_ONE, LOGSUMEXP_LOG1P, MEAN_FROM_TOP, ONE_MINUS_TOP, TAYLOR_BRANCH, STIRLING_BRANCH, TAIL_DIFFERENCE, WEIGHTS_AS_SOFTMAX, HOMOGENEOUS_SCALE,
                                  LOG_OF_QUOTIENT, LOG_OF_PRODUCT_SUM, LOG_SPACE_PRODUCT, LOG_SPACE_MONOMIAL, LOG_ADD_NEAR_TOP, SIGMOID_TANH, HOMOGENEOUS_SCALARS, PAIRED_QUOTIENT,
                                  EXPM1_QUOTIENT, QUOTIENT_INTO_SUM, POLYNOMIAL_QUOTIENT_SCALE, POWER_BREGMAN,
                                  LOG_OF_POSITIVE_PRODUCT, SCALE_INTO_BRANCHES, POWER_LOG1P, POWER_OF_RATIO, LOG_BREGMAN,
                                  SOFTPLUS_RATIO, LOG_OF_MEAN, TERM_OVER_SUM, PRODUCT_BEFORE_POWER, SOFTMAX_DIFFERENCE, SCALE_INTO_SUMMAND,
                                  RATIO_BEFORE_UNEQUAL_POWERS, LOG1P_LARGE_QUOTIENT, SCALE_INTO_TERMS, OVER_LARGE_TERM, LOG_OF_SQUARES,
                                  SOFTMAX_SQUARE_OFFSET, SIGMOID_DIFFERENCE, LOG_GAMMA_NEAR_ZERO, LOG_GAMMA_SHIFT, LOG_AT_LEAST_ONE,
                                  LERP_WEIGHTS, CANCELLING_TERMS, STEP_SUM_SELECT)
"""Rules that cost extra passes over the data (two more reductions for ``logsumexp_log1p``, ``mean_from_top``
and ``one_minus_top``, one more for ``homogeneous_scale``, a scale per product for ``homogeneous_scalars``; a second, log-space form under a ``where`` for
``log_of_quotient`` and ``log_space_product``; magnitude tests and a ``where`` per quotient for ``paired_quotient`` (per entry for ``quotient_into_sum``); two Taylor branches under a ``where`` for ``power_bregman``; a log per factor for ``log_of_positive_product``; both branches of a ``where`` and seconds of sympy series at generation for ``taylor_branch``): not in
:data:`RULES` (the catalog's code keeps its speed); the definitions' search
(:mod:`codegen.define_search`) tries them and keeps them only where they are measurably more accurate."""


EXACT_PRODUCT = Rule(
    "exact_product", "exact_product", rules_exact.exact_product, priority=99,
    gain="1 - t y for t = -1e-150, y = -1e150: the product rounds to 1 and the sum to 0, truth 1.3e-17 (hinge losses, "
         "e^eta - y eta at eta = 1e-300, y = 1e300)")

EXACT_RULES: tuple[Rule, ...] = (EXACT_PRODUCT,)
"""Rules that cost extra flops on every element (about 17 for an exact product): the definitions' search tries
them after everything else (a tie keeps the cheaper candidate), so they stay only where measurably more accurate."""


def stabilize(expr: sp.Expr, rules: tuple[Rule, ...] = RULES) -> tuple[sp.Expr, tuple[str, ...]]:
    r"""Apply every rule once, in priority order; return the new expression and the names of rules that fired.
    A rule whose rewrite goes beyond sympy's recursion limit is not applied (the expression it was given is a valid
    form: the candidate is then that of the other rules, never a crash of the whole search); nor one whose rewrite
    sympy refuses to rebuild because its assumptions judge a comparison "non-real" (a sum of a real entry and two
    terms of unknown realness, $-s_t + \max_j(\ldots) + \frac12((p_t - \mu)/\sigma)^2$ in the top-index test of a
    shifted softmax, came out "not real" once ``ratio_before_power`` held the square: an attention row with a
    Gaussian position bias was an internal error).

    Remembered by expression and rules (:data:`STABILIZED`): the definitions' search stabilizes the same derivative
    with the same rules for several candidates and for the ablation, and every rule is a function of the expression."""
    key = (expr, tuple(rules))
    if key not in STABILIZED:
        if len(STABILIZED) >= STABILIZED_KEPT:
            STABILIZED.clear()
        STABILIZED[key] = _stabilized(expr, rules)
    return STABILIZED[key]


STABILIZED: dict = {}
STABILIZED_KEPT = 4096


def _stabilized(expr: sp.Expr, rules: tuple[Rule, ...]) -> tuple[sp.Expr, tuple[str, ...]]:
    """The rules applied in order, starting after the longest run of the same first rules already applied to ``expr``
    (:data:`PREFIXES`): the search's "without r" candidates and the certificate's ablation repeat every rule before
    ``r`` on the same expression (each rule is a function of the expression, so the result is the same)."""
    names = tuple(r.name for r in rules)
    start, current, fired = 0, expr, ()
    for k in range(len(rules), 0, -1):
        known = PREFIXES.get((expr, names[:k]))
        if known is not None:
            start, (current, fired) = k, known
            break
    fired = list(fired)
    for k in range(start, len(rules)):
        try:
            new = rules[k].apply(current)
        except RecursionError:  # a rewrite nested beyond sympy's reach (paired quotients in paired quotients): not applied
            new = current
        except TypeError as exc:  # sympy judged a comparison it rebuilt "non-real": not applied (see below)
            if "non-real" not in str(exc):
                raise
            new = current
        if new != current:
            fired.append(rules[k].name)
            current = new
        if len(PREFIXES) >= PREFIXES_KEPT:
            PREFIXES.clear()
        PREFIXES[(expr, names[:k + 1])] = (current, tuple(fired))
    return current, tuple(fired)


PREFIXES: dict = {}
"""``(expression, names of the first rules) -> (result, fired)``: every prefix of every rule run (:func:`_stabilized`)."""
PREFIXES_KEPT = 50000
