"""Dynamic int8 weight quantization of an ONNX graph, with the operators ONNX Runtime's quantize_dynamic emits
(QOperator format, per-channel, reduce_range, int8 weights):

    MatMul(X, W)  ->  DynamicQuantizeLinear(X) -> X_q (uint8), X_scale, X_zero_point
                      MatMulInteger(X_q, W_q (int8 [K, N]), X_zero_point, W_zero_point (int8 [N])) -> int32
                      Cast(float);  Mul(X_scale, W_scale [N]);  Mul(cast, scales) -> Y

Only MatMuls whose second input is a constant 2-D initializer are rewritten (so the tied lm_head, a Transpose
of the shared embedding, stays float, as with ONNX Runtime). If-branches are rewritten too; their weights live in
the outer graph and are quantized once.
"""
import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

QMAX = 64  # reduce_range int8: [-64, 64], so uint8 x int8 pair sums cannot saturate int16 accumulators


def quantize_weight(w):
    """Per output column symmetric int8: returns (q int8 [K, N], scale float32 [N])."""
    absmax = np.abs(w).max(axis=0)
    scale = np.where(absmax > 0, absmax / QMAX, 1.0).astype(np.float32)
    q = np.clip(np.rint(w / scale), -QMAX, QMAX).astype(np.int8)
    return q, scale


class _Quantizer:
    def __init__(self, model):
        self.model = model
        self.inits = {i.name: i for i in model.graph.initializer}
        self.weights = {}  # float weight name -> (q name, scale name, zero point name)
        self.rewritten = 0

    def _weight(self, name):
        if name not in self.weights:
            q, scale = quantize_weight(numpy_helper.to_array(self.inits[name]))
            names = (name + "_quantized", name + "_scale", name + "_zero_point")
            graph = self.model.graph
            graph.initializer.extend([numpy_helper.from_array(q, names[0]),
                                      numpy_helper.from_array(scale, names[1]),
                                      numpy_helper.from_array(np.zeros(q.shape[1], np.int8), names[2])])
            self.weights[name] = names
        return self.weights[name]

    def _is_weight(self, name):
        init = self.inits.get(name)
        return init is not None and len(init.dims) == 2 and init.data_type == TensorProto.FLOAT

    def rewrite(self, graph):
        activations = {}  # activation name -> (quantized, scale, zero point) within this graph
        nodes = []
        for node in graph.node:
            for attr in node.attribute:
                if attr.type == onnx.AttributeProto.GRAPH:
                    self.rewrite(attr.g)
            if node.op_type != "MatMul" or not self._is_weight(node.input[1]):
                nodes.append(node)
                continue
            x, w = node.input
            if x not in activations:
                activations[x] = (x + "_quantized", x + "_scale", x + "_zero_point")
                nodes.append(helper.make_node("DynamicQuantizeLinear", [x], list(activations[x]),
                                              name=x + "_QuantizeLinear"))
            xq, xs, xz = activations[x]
            wq, ws, wz = self._weight(w)
            y = node.output[0]
            base = node.name or y
            nodes += [
                helper.make_node("MatMulInteger", [xq, wq, xz, wz], [y + "_quantized"], name=base + "_quant"),
                helper.make_node("Cast", [y + "_quantized"], [y + "_quantized_cast_output"],
                                 name=base + "_quant_cast", to=TensorProto.FLOAT),
                helper.make_node("Mul", [xs, ws], [base + "_quant_scales_mul:0"], name=base + "_quant_scales_mul"),
                helper.make_node("Mul", [y + "_quantized_cast_output", base + "_quant_scales_mul:0"], [y],
                                 name=base + "_quant_output_scale_mul"),
            ]
            self.rewritten += 1
        del graph.node[:]
        graph.node.extend(nodes)


def quantize(model):
    """Returns a quantized copy of the model and the number of MatMuls rewritten."""
    copy = onnx.ModelProto()
    copy.CopyFrom(model)
    quantizer = _Quantizer(copy)
    quantizer.rewrite(copy.graph)
    used = set()

    def collect(graph):
        for node in graph.node:
            used.update(node.input)
            for attr in node.attribute:
                if attr.type == onnx.AttributeProto.GRAPH:
                    collect(attr.g)

    collect(copy.graph)
    kept = [i for i in copy.graph.initializer if i.name in used]
    del copy.graph.initializer[:]
    copy.graph.initializer.extend(kept)
    return copy, quantizer.rewritten


class FakeQuant:
    """Context manager: every torch nn.Linear computes what the quantized graph computes (DynamicQuantizeLinear on
    the activation, per-column int8 weights), to check in torch that the int8 graphs still behave."""

    def __init__(self, module):
        import torch
        self.torch = torch
        self.linears = [m for m in module.modules() if isinstance(m, torch.nn.Linear)]
        self.saved = []

    @staticmethod
    def dynamic_quantize(x, torch):
        lo, hi = torch.clamp(x.min(), max=0.0), torch.clamp(x.max(), min=0.0)
        scale = (hi - lo) / 255.0
        if float(scale) == 0.0:
            return x
        zero = torch.clamp(torch.round(-lo / scale), 0, 255)
        q = torch.clamp(torch.round(x / scale) + zero, 0, 255)
        return (q - zero) * scale

    def __enter__(self):
        torch = self.torch
        for lin in self.linears:
            w = lin.weight.detach().numpy().T  # [in, out] like the ONNX MatMul weight
            q, scale = quantize_weight(w)
            dequantized = torch.tensor((q.astype(np.float32) * scale).T)
            original = lin.forward
            self.saved.append((lin, original))

            def forward(x, lin=lin, wq=dequantized):
                return torch.nn.functional.linear(self.dynamic_quantize(x, torch), wq, lin.bias)

            lin.forward = forward
        return self

    def __exit__(self, *exc):
        for lin, original in self.saved:
            lin.forward = original
