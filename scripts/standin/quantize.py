"""Dynamic int8 weight quantization of an ONNX graph, with the operators ONNX Runtime's quantize_dynamic emits
(QOperator format, per-channel, reduce_range, int8 weights):

    MatMul(X, W)  ->  DynamicQuantizeLinear(X) -> X_q (uint8), X_scale, X_zero_point
                      MatMulInteger(X_q, W_q (int8 [K, N]), X_zero_point, W_zero_point (int8 [N])) -> int32
                      Cast(float);  Mul(X_scale, W_scale [N]);  Mul(cast, scales) -> Y

MatMuls whose second input is a constant 2-D initializer are rewritten, and (unlike ONNX Runtime's
quantize_dynamic, which leaves it float) the tied output projection too: a MatMul whose weight is
Transpose(perm [1, 0]) of a 2-D initializer (Optimum's lm_head = shared embedding^T) gets the transposed weight
quantized per vocabulary column, and the Transpose is dropped. It is 512 x 67028, the largest matrix and ~60% of a
decoding step's arithmetic. The embedding Gather keeps the float table. `output_projection=False` leaves the lm_head
float (the committed tiny fixtures were made so). If-branches are rewritten too; their weights live in the outer
graph and are quantized once.
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
    def __init__(self, model, output_projection):
        self.model = model
        self.inits = {i.name: i for i in model.graph.initializer}
        self.weights = {}  # float weight name -> (q name, scale name, zero point name)
        self.rewritten = 0
        self.output_projection = output_projection

    def _weight(self, name, transposed_from=None):
        if name not in self.weights:
            if transposed_from is None:
                w = numpy_helper.to_array(self.inits[name])
            else:
                w = np.ascontiguousarray(numpy_helper.to_array(self.inits[transposed_from]).T)
            q, scale = quantize_weight(w)
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

    def _transposes(self, graph):
        """Transpose([1, 0]) outputs of 2-D float initializers in this graph: output name -> initializer name."""
        out = {}
        if not self.output_projection:
            return out
        for node in graph.node:
            perm = [list(a.ints) for a in node.attribute if a.name == "perm"]
            if node.op_type == "Transpose" and self._is_weight(node.input[0]) and perm in ([[1, 0]], []):
                out[node.output[0]] = node.input[0]
        return out

    def rewrite(self, graph):
        activations = {}  # activation name -> (quantized, scale, zero point) within this graph
        transposes = self._transposes(graph)
        nodes = []
        for node in graph.node:
            for attr in node.attribute:
                if attr.type == onnx.AttributeProto.GRAPH:
                    self.rewrite(attr.g)
            transposed = node.op_type == "MatMul" and node.input[1] in transposes
            if node.op_type != "MatMul" or not (transposed or self._is_weight(node.input[1])):
                nodes.append(node)
                continue
            x, w = node.input
            if x not in activations:
                activations[x] = (x + "_quantized", x + "_scale", x + "_zero_point")
                nodes.append(helper.make_node("DynamicQuantizeLinear", [x], list(activations[x]),
                                              name=x + "_QuantizeLinear"))
            xq, xs, xz = activations[x]
            wq, ws, wz = self._weight(w, transposes[w] if transposed else None)
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
        used = set(o.name for o in graph.output)
        for node in nodes:
            _collect_inputs(node, used)
        # a Transpose whose every MatMul was quantized feeds nothing any more
        nodes = [n for n in nodes if not (n.op_type == "Transpose" and n.output[0] in transposes
                                          and n.output[0] not in used)]
        del graph.node[:]
        graph.node.extend(nodes)


def _collect_inputs(node, used):
    """Every name the node reads, its subgraphs' included."""
    used.update(node.input)
    for attr in node.attribute:
        if attr.type == onnx.AttributeProto.GRAPH:
            used.update(o.name for o in attr.g.output)
            for inner in attr.g.node:
                _collect_inputs(inner, used)


def quantize(model, output_projection=True):
    """Returns a quantized copy of the model and the number of MatMuls rewritten (the lm_head included unless
    output_projection is False)."""
    copy = onnx.ModelProto()
    copy.CopyFrom(model)
    quantizer = _Quantizer(copy, output_projection)
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

    def __init__(self, module, output_projection=True):
        import torch
        self.torch = torch
        self.linears = [m for m in module.modules() if isinstance(m, torch.nn.Linear)]
        self.lm_head = getattr(module, "lm_head", None) if output_projection else None
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
        if self.lm_head is not None:  # the tied lm_head: hidden @ shared.weight^T, quantized like the graph's
            head = self.lm_head
            q, scale = quantize_weight(head._shared[0].weight.detach().numpy().T)
            dequantized = torch.tensor(q.astype(np.float32) * scale)  # [d_model, vocab]
            self.saved.append((head, head.forward))
            head.forward = lambda x, wq=dequantized: torch.matmul(self.dynamic_quantize(x, torch), wq)
        return self

    def __exit__(self, *exc):
        for lin, original in self.saved:
            lin.forward = original
