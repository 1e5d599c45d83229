// aws-local-stepfunctions 3 calls Promise.withResolvers, which Node 20 lacks: the benchmark adds
// it (only where missing) before running the anchor, in process and in the anchor's script.
if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function withResolvers() {
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}
