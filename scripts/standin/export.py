"""ONNX export of a MarianMT with the I/O contract of Optimum 1.13's Marian export (opset 11):
encoder_model, decoder_model, decoder_with_past_model, and decoder_model_merged (one If node on use_cache_branch).
"""
import hashlib
import io

import numpy as np
import onnx
import torch
from onnx import TensorProto, helper, numpy_helper
from torch import nn

OPSET = 11


class _EncoderGraph(nn.Module):
    def __init__(self, mt):
        super().__init__()
        self.model = mt.model

    def forward(self, input_ids, attention_mask):
        return self.model.encoder(input_ids, attention_mask)


class _DecoderGraph(nn.Module):
    def __init__(self, mt, with_past):
        super().__init__()
        self.model = mt.model
        self.lm_head = mt.lm_head
        self.register_buffer("final_logits_bias", mt.final_logits_bias)
        self.with_past = with_past
        self.layers = mt.geometry.decoder_layers

    def forward(self, encoder_attention_mask, input_ids, *rest):
        if self.with_past:
            past = [rest[4 * i:4 * i + 4] for i in range(self.layers)]
            encoder_hidden = None
        else:
            past = None
            encoder_hidden = rest[0]
        hidden, presents = self.model.decoder(input_ids, encoder_hidden, encoder_attention_mask, past)
        logits = self.lm_head(hidden) + self.final_logits_bias
        flat = []
        for present in presents:
            flat.extend(present[:2] if self.with_past else present)
        return (logits, *flat)


def kv_names(prefix, layers, include_encoder=True):
    names = []
    for i in range(layers):
        for side in ("decoder", "encoder") if include_encoder else ("decoder",):
            names += [f"{prefix}.{i}.{side}.key", f"{prefix}.{i}.{side}.value"]
    return names


def _to_model(module, args, input_names, output_names, dynamic_axes):
    buffer = io.BytesIO()
    with torch.no_grad():
        torch.onnx.export(module, args, buffer, input_names=input_names, output_names=output_names,
                          dynamic_axes=dynamic_axes, opset_version=OPSET, do_constant_folding=True)
    return _inline_identities(onnx.load_from_string(buffer.getvalue()))


def _inline_identities(model):
    """torch stores equal weights once and feeds the copies through Identity nodes; point their consumers at the
    initializer itself, so every MatMul weight is an initializer (as in Optimum's exports and for quantization)."""
    graph = model.graph
    inits = {i.name for i in graph.initializer}
    outputs = {o.name for o in graph.output}
    alias = {n.output[0]: n.input[0] for n in graph.node
             if n.op_type == "Identity" and n.input[0] in inits and n.output[0] not in outputs}
    kept = [n for n in graph.node if not (n.op_type == "Identity" and n.output[0] in alias)]
    for node in kept:
        node.input[:] = [alias.get(x, x) for x in node.input]
    del graph.node[:]
    graph.node.extend(kept)
    return model


def _set_output_shapes(model, mt, logits_len):
    """Declare output shapes as Optimum's export does (torch leaves the reshaped heads symbolic)."""
    g = mt.geometry
    head_dim = g.d_model // g.decoder_heads
    for out in model.graph.output:
        if out.name == "logits":
            dims = ["batch_size", logits_len, g.vocab_size]
        else:
            dims = ["batch_size", g.decoder_heads, "past_decoder_sequence_length + 1" if ".decoder." in out.name
                    else "encoder_sequence_length_out", head_dim]
        shape = out.type.tensor_type.shape
        del shape.dim[:]
        for d in dims:
            dim = shape.dim.add()
            if isinstance(d, str):
                dim.dim_param = d
            else:
                dim.dim_value = d
    return model


def export_encoder(mt):
    ids = torch.tensor([[3, 4, 5, 0], [6, 7, 0, mt.pad_token_id]], dtype=torch.long)
    mask = torch.tensor([[1, 1, 1, 1], [1, 1, 1, 0]], dtype=torch.long)
    axes = {0: "batch_size", 1: "encoder_sequence_length"}
    return _to_model(_EncoderGraph(mt).eval(), (ids, mask), ["input_ids", "attention_mask"],
                     ["last_hidden_state"], {"input_ids": axes, "attention_mask": axes, "last_hidden_state": axes})


def _decoder_dummies(mt, dec_len):
    g = mt.geometry
    mask = torch.tensor([[1, 1, 1, 1], [1, 1, 1, 0]], dtype=torch.long)
    ids = torch.full((2, dec_len), 3, dtype=torch.long)
    enc = torch.randn(2, 4, g.d_model, generator=torch.Generator().manual_seed(0))
    return mask, ids, enc


def export_decoder(mt):
    layers = mt.geometry.decoder_layers
    mask, ids, enc = _decoder_dummies(mt, 3)
    inputs = ["encoder_attention_mask", "input_ids", "encoder_hidden_states"]
    outputs = ["logits"] + kv_names("present", layers)
    axes = {"encoder_attention_mask": {0: "batch_size", 1: "encoder_sequence_length"},
            "input_ids": {0: "batch_size", 1: "decoder_sequence_length"},
            "encoder_hidden_states": {0: "batch_size", 1: "encoder_sequence_length"},
            "logits": {0: "batch_size", 1: "decoder_sequence_length"}}
    for name in outputs[1:]:
        axes[name] = {0: "batch_size", 2: "past_decoder_sequence_length + 1" if ".decoder." in name
                      else "encoder_sequence_length_out"}
    model = _to_model(_DecoderGraph(mt, with_past=False).eval(), (mask, ids, enc), inputs, outputs, axes)
    return _set_output_shapes(model, mt, "decoder_sequence_length")


def export_decoder_with_past(mt):
    g = mt.geometry
    head_dim = g.d_model // g.decoder_heads
    mask, ids, _ = _decoder_dummies(mt, 1)
    gen = torch.Generator().manual_seed(1)
    past = []
    for _ in range(g.decoder_layers):
        past += [torch.randn(2, g.decoder_heads, 3, head_dim, generator=gen) for _ in range(2)]
        past += [torch.randn(2, g.decoder_heads, 4, head_dim, generator=gen) for _ in range(2)]
    inputs = ["encoder_attention_mask", "input_ids"] + kv_names("past_key_values", g.decoder_layers)
    outputs = ["logits"] + kv_names("present", g.decoder_layers, include_encoder=False)
    axes = {"encoder_attention_mask": {0: "batch_size", 1: "encoder_sequence_length"},
            "input_ids": {0: "batch_size"}, "logits": {0: "batch_size", 1: "1"}}
    for name in inputs[2:]:
        axes[name] = {0: "batch_size", 2: "past_decoder_sequence_length" if ".decoder." in name
                      else "encoder_sequence_length_out"}
    for name in outputs[1:]:
        axes[name] = {0: "batch_size", 2: "past_decoder_sequence_length + 1"}
    model = _to_model(_DecoderGraph(mt, with_past=True).eval(), (mask, ids, *past), inputs, outputs, axes)
    return _set_output_shapes(model, mt, "1")


def tie_lm_head(model, shared_name="model.shared.weight"):
    """Like Optimum: replace the constant-folded copy of shared.weight^T by a Transpose node of shared.weight."""
    graph = model.graph
    inits = {i.name: i for i in graph.initializer}
    shared = numpy_helper.to_array(inits[shared_name])
    for init in list(graph.initializer):
        if init.name == shared_name or list(init.dims) != [shared.shape[1], shared.shape[0]]:
            continue
        if np.array_equal(numpy_helper.to_array(init), shared.T):
            transposed = shared_name + "_transposed"
            for node in graph.node:
                node.input[:] = [transposed if x == init.name else x for x in node.input]
            graph.initializer.remove(init)
            graph.node.insert(0, helper.make_node("Transpose", [shared_name], [transposed],
                                                  name="/lm_head/Transpose_tied", perm=[1, 0]))
            return model
    raise ValueError("no transposed copy of the shared embedding found")


def _tensor_key(init):
    return (init.data_type, tuple(init.dims), hashlib.sha256(numpy_helper.to_array(init).tobytes()).hexdigest())


def _branch(model, name, merged_names, extra_nodes=(), outputs=None):
    """The model's nodes as an If branch: no inputs, initializers renamed to the merged (outer) ones."""
    rename = merged_names[id(model)]
    nodes = []
    for node in model.graph.node:
        copy = onnx.NodeProto()
        copy.CopyFrom(node)
        copy.input[:] = [rename.get(x, x) for x in copy.input]
        nodes.append(copy)
    return helper.make_graph(nodes + list(extra_nodes), name, [], outputs or list(model.graph.output))


def merge_decoders(no_past, with_past, heads, head_dim):
    """Optimum-style decoder_model_merged: shared deduplicated initializers, If(use_cache_branch) with
    then = with_past (present.*.encoder.* are empty [0, heads, 1, head_dim] constants), else = no_past."""
    by_key, initializers, merged_names = {}, [], {}
    for model in (no_past, with_past):
        names = {}
        for init in model.graph.initializer:
            key = _tensor_key(init)
            if key not in by_key:
                merged = onnx.TensorProto()
                merged.CopyFrom(init)
                merged.name = f"{init.name}_merged_0"
                by_key[key] = merged.name
                initializers.append(merged)
            names[init.name] = by_key[key]
        merged_names[id(model)] = names

    outputs = list(no_past.graph.output)
    empty = []
    for index, out in enumerate(outputs):
        if ".encoder." in out.name:
            tensor = helper.make_tensor("const_tensor", TensorProto.FLOAT, [0, heads, 1, head_dim], [])
            empty.append(helper.make_node("Constant", [], [out.name], name=f"Constant_{index}", value=tensor))
    then_branch = _branch(with_past, "with_past", merged_names, empty, outputs)
    else_branch = _branch(no_past, "no_past", merged_names)

    inputs = list(no_past.graph.input)
    input_ids = next(i for i in inputs if i.name == "input_ids")
    past_inputs = [i for i in with_past.graph.input if i.name.startswith("past_key_values.")]
    use_cache = helper.make_tensor_value_info("use_cache_branch", TensorProto.BOOL, [1])
    if_node = helper.make_node("If", ["use_cache_branch"], [o.name for o in outputs], name="optimum::if",
                               then_branch=then_branch, else_branch=else_branch)
    graph = helper.make_graph([if_node], "merged", inputs + past_inputs + [use_cache], outputs, initializers)
    assert input_ids.type.tensor_type.shape.dim[1].dim_param == "decoder_sequence_length"
    merged = helper.make_model(graph, producer_name="optimum-onnx", opset_imports=[helper.make_opsetid("", OPSET)])
    merged.ir_version = 8
    return merged
