// An empty worker: core's tests only need the workerd runtime, not routes.
export default {
  fetch(): Response {
    return new Response("core test worker");
  },
};
