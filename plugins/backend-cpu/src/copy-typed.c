/*
 * Identity, Reshape, Flatten, Squeeze, Unsqueeze of int64, int32, bool and float16 data: the bytes do not change,
 * only the dims in the tensor table (float32 has its own rows in elementwise.c). The second input
 * (Reshape's shape, Squeeze's axes) is not read. No metadata.
 */
#include <stdio.h>
#include <string.h>
#include "kernels.h"

int32_t check_copy_typed(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  const HoduManifestTensor *x = in_tensor(c, 0), *y = out_tensor(c, 0);
  REQUIRE_META(x && y);
  REQUIRE(x->dtype == y->dtype && (x->dtype == HODU_DTYPE_INT64 || x->dtype == HODU_DTYPE_INT32 || x->dtype == HODU_DTYPE_BOOL ||
                                   x->dtype == HODU_DTYPE_FLOAT16),
          "data is not int64, int32, bool or float16");
  REQUIRE_META(x->byte_size == y->byte_size);
  return HODU_OK;
}

int32_t run_copy_typed(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  const void *x = c->ptrs[hodu_manifest_step_input(c->step, 0)];
  void *y = c->ptrs[hodu_manifest_step_output(c->step, 0)];
  if (x != y) memcpy(y, x, (size_t)out_tensor(c, 0)->byte_size);
  return HODU_OK;
}
